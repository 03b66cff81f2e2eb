using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Orchestrator.Sdk;
using Orchestrator.Sdk.Testing;
using SmtpServer;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Orchestrator.Plugins.Paging.Tests;

/// <summary>Opsgenie against WireMock and e-mail against a real SMTP server in the test process (SmtpServer), both on loopback.</summary>
public sealed class PagingActionTests : IDisposable
{
    private readonly WireMockServer _opsgenie = WireMockServer.Start();

    public void Dispose() => _opsgenie.Stop();

    [Fact]
    public async Task Opsgenie_alert_sends_the_GenieKey_and_the_documented_fields()
    {
        _opsgenie.Given(Request.Create().WithPath("/v2/alerts").UsingPost().WithHeader("Authorization", "GenieKey og-key"))
            .RespondWith(Response.Create().WithStatusCode(202).WithBody("""{ "result": "Request will be processed", "took": 0.1, "requestId": "r-1" }"""));

        var result = await ActionTest.RunAsync(new OpsgenieCreateAlertAction(), new Dictionary<string, object?>
        {
            ["apiKeySecret"] = "og", ["message"] = "Checkout down", ["priority"] = "P1", ["baseUrl"] = _opsgenie.Url,
            ["tags"] = new List<object?> { "checkout" }, ["details"] = new Dictionary<string, object?> { ["incident"] = "INC0001001" },
        }, new Dictionary<string, string> { ["og"] = "og-key" });

        result.Outcome.Should().Be(Outcomes.Done);
        result.Outputs["requestId"].Should().Be("r-1");
        var sent = JsonNode.Parse(_opsgenie.LogEntries.Single().RequestMessage.Body!)!;
        sent["message"]!.GetValue<string>().Should().Be("Checkout down");
        sent["alias"]!.GetValue<string>().Should().Be("test/step/1", "a re-run of the step must not alert twice");
        sent["priority"]!.GetValue<string>().Should().Be("P1");
        sent["tags"]![0]!.GetValue<string>().Should().Be("checkout");
        sent["details"]!["incident"]!.GetValue<string>().Should().Be("INC0001001");
    }

    [Fact]
    public async Task Opsgenie_errors_fail_with_the_answer()
    {
        _opsgenie.Given(Request.Create().WithPath("/v2/alerts").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(422).WithBody("""{ "message": "Request body is not processable", "errors": { "message": "Message can not be empty." } }"""));

        var result = await ActionTest.RunAsync(new OpsgenieCreateAlertAction(), new Dictionary<string, object?>
        {
            ["apiKeySecret"] = "og", ["message"] = "x", ["baseUrl"] = _opsgenie.Url,
        }, new Dictionary<string, string> { ["og"] = "og-key" });

        result.Outcome.Should().Be(Outcomes.Failed);
        result.Error.Should().Contain("Opsgenie answered 422").And.Contain("not processable");
    }

    [Fact]
    public async Task Webhook_posts_the_payload_and_retries_a_429()
    {
        _opsgenie.Given(Request.Create().WithPath("/hooks/page").UsingPost()).InScenario("hook").WillSetStateTo("ready")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "1"));
        _opsgenie.Given(Request.Create().WithPath("/hooks/page").UsingPost().WithHeader("X-Token", "t")).InScenario("hook").WhenStateIs("ready")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("queued"));

        var result = await ActionTest.RunAsync(new WebhookAction(), new Dictionary<string, object?>
        {
            ["urlSecret"] = "hook", ["headers"] = new Dictionary<string, object?> { ["X-Token"] = "t" },
            ["payload"] = new Dictionary<string, object?> { ["incident"] = "INC0001001", ["priority"] = 1L },
        }, new Dictionary<string, string> { ["hook"] = $"{_opsgenie.Url}/hooks/page" });

        result.Outcome.Should().Be(Outcomes.Done);
        result.Outputs["body"].Should().Be("queued");
        _opsgenie.LogEntries.Should().HaveCount(2);
        JsonNode.Parse(_opsgenie.LogEntries.Last().RequestMessage.Body!)!["priority"]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public async Task Webhook_errors_fail_with_the_answer()
    {
        _opsgenie.Given(Request.Create().WithPath("/hooks/page").UsingPost()).RespondWith(Response.Create().WithStatusCode(401).WithBody("bad token"));

        var result = await ActionTest.RunAsync(new WebhookAction(), new Dictionary<string, object?>
        {
            ["urlSecret"] = "hook", ["payload"] = new Dictionary<string, object?> { ["x"] = 1L },
        }, new Dictionary<string, string> { ["hook"] = $"{_opsgenie.Url}/hooks/page" });

        result.Outcome.Should().Be(Outcomes.Failed);
        result.Error.Should().Be("The webhook answered 401: bad token");
    }

    [Fact]
    public async Task An_email_page_arrives_at_the_SMTP_server_with_subject_and_body()
    {
        var port = FreePort();
        var store = new RecordingMessageStore();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(store);
        var smtp = new SmtpServer.SmtpServer(new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build(), services);
        using var stop = new CancellationTokenSource();
        var running = smtp.StartAsync(stop.Token);

        var result = await ActionTest.RunAsync(new EmailPageAction(), new Dictionary<string, object?>
        {
            ["host"] = "127.0.0.1", ["port"] = (long)port, ["security"] = "None",
            ["from"] = "Orchestrator <oncall@example.com>", ["to"] = new List<object?> { "alice@example.com", "bob@example.com" },
            ["subject"] = "P1: checkout down", ["body"] = "Customers get 502 since 09:12 UTC.",
        });

        await stop.CancelAsync();
        await running.ContinueWith(_ => { }, TaskScheduler.Default);
        result.Outcome.Should().Be(Outcomes.Done, result.Error);
        var message = store.Messages.Should().ContainSingle().Subject!;
        message.Subject.Should().Be("P1: checkout down");
        message.TextBody.Should().NotBeNull();
        message.TextBody!.Trim().Should().Be("Customers get 502 since 09:12 UTC.");
        message.To.Mailboxes.Select(m => m.Address).Should().Equal("alice@example.com", "bob@example.com");
        message.Headers["X-Orchestrator-Idempotency-Key"].Should().Be("test/step/1");
        result.Outputs["messageId"].Should().Be(message.MessageId);
    }

    [Fact]
    public async Task An_unreachable_SMTP_server_fails_the_step()
    {
        var result = await ActionTest.RunAsync(new EmailPageAction(), new Dictionary<string, object?>
        {
            ["host"] = "127.0.0.1", ["port"] = (long)FreePort(), ["security"] = "None",
            ["from"] = "oncall@example.com", ["to"] = "alice@example.com", ["subject"] = "x", ["body"] = "y",
        });

        result.Outcome.Should().Be(Outcomes.Failed);
        result.Error.Should().StartWith("E-mail not sent:");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
