using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Hosting;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using Orchestrator.Server.Tests.Workflows;

namespace Orchestrator.Server.Tests.Plugins;

/// <summary>A published workflow pages through PagerDuty, announces the page in Slack and opens a Jira issue, end to end through the loaded plugins.</summary>
public sealed class PagingWorkflowTests : IAsyncLifetime
{
    private readonly WireMockServer _vendors = WireMockServer.Start();
    private OrchestratorServer _server = null!;

    public async Task InitializeAsync() => _server = await OrchestratorServer.StartAsync(TestDatabase.Sqlite());

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _vendors.Stop();
    }

    [Fact]
    public async Task PagerDuty_trigger_then_Slack_post_then_Jira_create_run_against_the_vendor_APIs()
    {
        _vendors.Given(Request.Create().WithPath("/pagerduty/v2/enqueue").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(202).WithBody("""{ "status": "success", "message": "Event processed", "dedup_key": "srv01/checkout" }"""));
        _vendors.Given(Request.Create().WithPath("/slack/chat.postMessage").UsingPost().WithHeader("Authorization", "Bearer xoxb-test"))
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{ "ok": true, "channel": "C1", "ts": "1.2" }"""));
        await _server.Client.PutAsJsonAsync("/api/secrets/pd-key", new { value = "0123456789abcdef0123456789abcdef" });
        _vendors.Given(Request.Create().WithPath("/jira/rest/api/3/issue").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithBody("""{ "id": "10001", "key": "OPS-1" }"""));
        await _server.Client.PutAsJsonAsync("/api/secrets/slack-bot", new { value = "xoxb-test" });
        await _server.Client.PutAsJsonAsync("/api/secrets/jira-token", new { value = "atl-secret-token" });
        await _server.Client.PublishDefinitionAsync($$"""
            { "definitionId": "page-and-announce", "name": "Page and announce",
              "root": { "activities": [
                { "id": "start", "type": "Start" },
                { "id": "page", "type": "pagerduty.Trigger", "inputs": {
                    "routingKeySecret": "pd-key", "baseUrl": "{{_vendors.Url}}/pagerduty", "severity": "critical",
                    "summary": { "expr": "input.summary" }, "source": { "expr": "input.service" }, "dedupKey": "srv01/checkout" } },
                { "id": "announce", "type": "chat.SlackPostMessage", "inputs": {
                    "tokenSecret": "slack-bot", "baseUrl": "{{_vendors.Url}}/slack", "channel": "#incidents",
                    "text": { "expr": "\"Paged on-call for \" + input.service + \" (\" + outputs.page.dedupKey + \")\"" } } },
                { "id": "ticket", "type": "ticketing.JiraCreateIssue", "inputs": {
                    "siteUrl": "{{_vendors.Url}}/jira", "email": "bot@example.com", "apiTokenSecret": "jira-token", "projectKey": "OPS",
                    "summary": { "expr": "input.summary" },
                    "description": { "expr": "\"Paged with dedup key \" + outputs.page.dedupKey + \"; announced in Slack at \" + outputs.announce.ts" } } },
                { "id": "end", "type": "End" } ],
              "connections": [
                { "source": { "activity": "start" }, "target": { "activity": "page" } },
                { "source": { "activity": "page" }, "target": { "activity": "announce" } },
                { "source": { "activity": "announce" }, "target": { "activity": "ticket" } },
                { "source": { "activity": "ticket" }, "target": { "activity": "end" } } ] } }
            """);

        var id = await _server.Client.RunAsync("page-and-announce", new { summary = "Checkout returns 502", service = "checkout" });
        var run = await _server.Client.WaitForStatusAsync(id, TimeSpan.FromSeconds(30), "Finished", "Faulted");

        run["status"]!.GetValue<string>().Should().Be("Finished", run.ToJsonString());
        var page = JsonNode.Parse(_vendors.LogEntries.Single(e => e.RequestMessage.Path.EndsWith("enqueue")).RequestMessage.Body!)!;
        page["event_action"]!.GetValue<string>().Should().Be("trigger");
        page["payload"]!["summary"]!.GetValue<string>().Should().Be("Checkout returns 502");
        var post = JsonNode.Parse(_vendors.LogEntries.Single(e => e.RequestMessage.Path.EndsWith("postMessage")).RequestMessage.Body!)!;
        post["text"]!.GetValue<string>().Should().Be("Paged on-call for checkout (srv01/checkout)");
        run.JournalEntry("announce")["outputs"]!["ts"]!.GetValue<string>().Should().Be("1.2");
        var issue = JsonNode.Parse(_vendors.LogEntries.Single(e => e.RequestMessage.Path.EndsWith("/issue")).RequestMessage.Body!)!;
        issue["fields"]!["summary"]!.GetValue<string>().Should().Be("Checkout returns 502");
        issue["fields"]!["description"]!["content"]![0]!["content"]![0]!["text"]!.GetValue<string>()
            .Should().Be("Paged with dedup key srv01/checkout; announced in Slack at 1.2");
        run.JournalEntry("ticket")["outputs"]!["key"]!.GetValue<string>().Should().Be("OPS-1");
        run.ToJsonString().Should().NotContain("xoxb-test").And.NotContain("0123456789abcdef0123456789abcdef").And.NotContain("atl-secret-token");
    }
}
