using System.Text.Json.Nodes;
using Orchestrator.Sdk;
using Orchestrator.Sdk.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Orchestrator.Plugins.Chat.Tests;

/// <summary>Chat actions against stand-ins of Slack, Teams and Mattermost on loopback (WireMock), checking the documented requests.</summary>
public sealed class ChatActionTests : IDisposable
{
    private readonly WireMockServer _chat = WireMockServer.Start();

    public void Dispose() => _chat.Stop();

    [Fact]
    public async Task Slack_webhook_posts_text_and_blocks()
    {
        _chat.Given(Request.Create().WithPath("/services/T0/B0/x").UsingPost()).RespondWith(Response.Create().WithStatusCode(200).WithBody("ok"));

        var result = await ActionTest.RunAsync(new SlackWebhookAction(), new Dictionary<string, object?>
        {
            ["webhookUrlSecret"] = "slack-hook",
            ["text"] = "P1: checkout down",
            ["blocks"] = new List<object?> { new Dictionary<string, object?> { ["type"] = "section", ["text"] = new Dictionary<string, object?> { ["type"] = "mrkdwn", ["text"] = "*P1* checkout down" } } },
        }, Secret("slack-hook", "/services/T0/B0/x"));

        result.Outcome.Should().Be(Outcomes.Done);
        var sent = Sent();
        sent["text"]!.GetValue<string>().Should().Be("P1: checkout down");
        sent["blocks"]![0]!["text"]!["text"]!.GetValue<string>().Should().Be("*P1* checkout down");
    }

    [Fact]
    public async Task Slack_webhook_errors_fail_with_Slacks_text()
    {
        _chat.Given(Request.Create().WithPath("/hook").UsingPost()).RespondWith(Response.Create().WithStatusCode(400).WithBody("invalid_blocks"));

        var result = await ActionTest.RunAsync(new SlackWebhookAction(), new Dictionary<string, object?> { ["webhookUrlSecret"] = "h", ["text"] = "x" }, Secret("h", "/hook"));

        result.Outcome.Should().Be(Outcomes.Failed);
        result.Error.Should().Be("Slack answered 400: invalid_blocks");
    }

    [Fact]
    public async Task Slack_postMessage_sends_the_bot_token_channel_and_thread_and_returns_ts()
    {
        _chat.Given(Request.Create().WithPath("/api/chat.postMessage").UsingPost().WithHeader("Authorization", "Bearer xoxb-123"))
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{ "ok": true, "channel": "C0123", "ts": "1700000000.000100" }"""));

        var result = await ActionTest.RunAsync(new SlackPostMessageAction(), new Dictionary<string, object?>
        {
            ["tokenSecret"] = "slack-bot", ["channel"] = "C0123", ["text"] = "Update", ["threadTs"] = "1699999999.000200", ["baseUrl"] = $"{_chat.Url}/api",
        }, new Dictionary<string, string> { ["slack-bot"] = "xoxb-123" });

        result.Outcome.Should().Be(Outcomes.Done);
        result.Outputs["ts"].Should().Be("1700000000.000100");
        var sent = Sent();
        sent["channel"]!.GetValue<string>().Should().Be("C0123");
        sent["thread_ts"]!.GetValue<string>().Should().Be("1699999999.000200");
    }

    [Fact]
    public async Task Slack_postMessage_ok_false_fails_with_the_error()
    {
        _chat.Given(Request.Create().WithPath("/api/chat.postMessage").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{ "ok": false, "error": "channel_not_found" }"""));

        var result = await ActionTest.RunAsync(new SlackPostMessageAction(), new Dictionary<string, object?>
        {
            ["tokenSecret"] = "slack-bot", ["channel"] = "#nope", ["text"] = "x", ["baseUrl"] = $"{_chat.Url}/api",
        }, new Dictionary<string, string> { ["slack-bot"] = "xoxb-123" });

        result.Outcome.Should().Be(Outcomes.Failed);
        result.Error.Should().Contain("channel_not_found");
    }

    [Fact]
    public async Task Slack_429_is_retried_after_Retry_After()
    {
        _chat.Given(Request.Create().WithPath("/hook").UsingPost()).InScenario("rate").WillSetStateTo("ok")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "1"));
        _chat.Given(Request.Create().WithPath("/hook").UsingPost()).InScenario("rate").WhenStateIs("ok")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("ok"));

        var result = await ActionTest.RunAsync(new SlackWebhookAction(), new Dictionary<string, object?> { ["webhookUrlSecret"] = "h", ["text"] = "x" }, Secret("h", "/hook"));

        result.Outcome.Should().Be(Outcomes.Done);
        _chat.LogEntries.Should().HaveCount(2);
    }

    [Fact]
    public async Task Teams_webhook_posts_an_adaptive_card_message()
    {
        _chat.Given(Request.Create().WithPath("/workflows/teams").UsingPost()).RespondWith(Response.Create().WithStatusCode(202));

        var result = await ActionTest.RunAsync(new TeamsWebhookAction(), new Dictionary<string, object?>
        {
            ["webhookUrlSecret"] = "teams", ["title"] = "INC0001001 resolved", ["text"] = "Checkout is back.",
        }, Secret("teams", "/workflows/teams"));

        result.Outcome.Should().Be(Outcomes.Done);
        var sent = Sent();
        sent["type"]!.GetValue<string>().Should().Be("message");
        var attachment = sent["attachments"]![0]!;
        attachment["contentType"]!.GetValue<string>().Should().Be("application/vnd.microsoft.card.adaptive");
        attachment["content"]!["type"]!.GetValue<string>().Should().Be("AdaptiveCard");
        attachment["content"]!["body"]![0]!["text"]!.GetValue<string>().Should().Be("INC0001001 resolved");
        attachment["content"]!["body"]![1]!["text"]!.GetValue<string>().Should().Be("Checkout is back.");
    }

    [Fact]
    public async Task Mattermost_webhook_posts_text_channel_and_username()
    {
        _chat.Given(Request.Create().WithPath("/hooks/abc").UsingPost()).RespondWith(Response.Create().WithStatusCode(200).WithBody("ok"));

        var result = await ActionTest.RunAsync(new MattermostWebhookAction(), new Dictionary<string, object?>
        {
            ["webhookUrlSecret"] = "mm", ["text"] = "#### P2 opened", ["channel"] = "town-square", ["username"] = "orchestrator",
        }, Secret("mm", "/hooks/abc"));

        result.Outcome.Should().Be(Outcomes.Done);
        var sent = Sent();
        sent["text"]!.GetValue<string>().Should().Be("#### P2 opened");
        sent["channel"]!.GetValue<string>().Should().Be("town-square");
        sent["username"]!.GetValue<string>().Should().Be("orchestrator");
    }

    [Fact]
    public async Task A_webhook_secret_that_is_not_a_url_fails_without_posting()
    {
        var result = await ActionTest.RunAsync(new MattermostWebhookAction(), new Dictionary<string, object?> { ["webhookUrlSecret"] = "mm", ["text"] = "x" },
            new Dictionary<string, string> { ["mm"] = "not a url" });

        result.Outcome.Should().Be(Outcomes.Failed);
        result.Error.Should().Contain("does not hold an absolute http(s) URL");
        _chat.LogEntries.Should().BeEmpty();
    }

    private Dictionary<string, string> Secret(string name, string path) => new() { [name] = $"{_chat.Url}{path}" };

    private JsonNode Sent() => JsonNode.Parse(_chat.LogEntries.Last().RequestMessage.Body!)!;
}
