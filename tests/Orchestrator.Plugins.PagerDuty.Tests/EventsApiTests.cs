using System.Text.Json.Nodes;
using Orchestrator.Sdk;
using Orchestrator.Sdk.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Orchestrator.Plugins.PagerDuty.Tests;

/// <summary>The PagerDuty actions against a stand-in Events API v2 on loopback (WireMock), checking the exact requests PagerDuty documents.</summary>
public sealed class EventsApiTests : IDisposable
{
    private const string RoutingKey = "0123456789abcdef0123456789abcdef";
    private readonly WireMockServer _pagerDuty = WireMockServer.Start();
    private readonly Dictionary<string, string> _secrets = new() { ["pd-key"] = RoutingKey };

    public void Dispose() => _pagerDuty.Stop();

    [Fact]
    public async Task Trigger_posts_the_documented_event_and_returns_the_dedup_key()
    {
        Accept();

        var result = await ActionTest.RunAsync(new TriggerAction(), Inputs(new()
        {
            ["summary"] = "Checkout returns 502", ["source"] = "checkout-api", ["severity"] = "critical", ["component"] = "nginx",
            ["customDetails"] = new Dictionary<string, object?> { ["incident"] = "INC0001001", ["errors"] = 42L },
        }), _secrets);

        result.Outcome.Should().Be(Outcomes.Done);
        result.Outputs["dedupKey"].Should().Be("test/step/1");
        var sent = Sent();
        sent["routing_key"]!.GetValue<string>().Should().Be(RoutingKey);
        sent["event_action"]!.GetValue<string>().Should().Be("trigger");
        sent["dedup_key"]!.GetValue<string>().Should().Be("test/step/1", "a re-run of the step must not page twice");
        sent["payload"]!["summary"]!.GetValue<string>().Should().Be("Checkout returns 502");
        sent["payload"]!["source"]!.GetValue<string>().Should().Be("checkout-api");
        sent["payload"]!["severity"]!.GetValue<string>().Should().Be("critical");
        sent["payload"]!["component"]!.GetValue<string>().Should().Be("nginx");
        sent["payload"]!["custom_details"]!["errors"]!.GetValue<int>().Should().Be(42);
        DateTimeOffset.Parse(sent["payload"]!["timestamp"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)
            .Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
    }

    [Theory]
    [InlineData("acknowledge")]
    [InlineData("resolve")]
    public async Task Acknowledge_and_resolve_send_the_dedup_key(string action)
    {
        Accept();
        IAction step = action == "acknowledge" ? new AcknowledgeAction() : new ResolveAction();

        var result = await ActionTest.RunAsync(step, Inputs(new() { ["dedupKey"] = "srv01/HTTP" }), _secrets);

        result.Outcome.Should().Be(Outcomes.Done);
        var sent = Sent();
        sent["event_action"]!.GetValue<string>().Should().Be(action);
        sent["dedup_key"]!.GetValue<string>().Should().Be("srv01/HTTP");
        sent["payload"].Should().BeNull();
    }

    [Fact]
    public async Task A_400_fails_with_PagerDutys_errors()
    {
        _pagerDuty.Given(Request.Create().WithPath("/v2/enqueue").UsingPost()).RespondWith(Response.Create().WithStatusCode(400)
            .WithBody("""{ "status": "invalid event", "message": "Event object is invalid", "errors": ["Length of 'routing_key' is incorrect (should be 32 characters)"] }"""));

        var result = await ActionTest.RunAsync(new TriggerAction(), Inputs(new() { ["summary"] = "x", ["source"] = "y" }), _secrets);

        result.Outcome.Should().Be(Outcomes.Failed);
        result.Error.Should().Contain("PagerDuty answered 400").And.Contain("routing_key");
    }

    [Fact]
    public async Task A_429_is_retried_after_Retry_After()
    {
        _pagerDuty.Given(Request.Create().WithPath("/v2/enqueue").UsingPost()).InScenario("throttle").WillSetStateTo("open")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "1"));
        _pagerDuty.Given(Request.Create().WithPath("/v2/enqueue").UsingPost()).InScenario("throttle").WhenStateIs("open")
            .RespondWith(Response.Create().WithStatusCode(202).WithBody("""{ "status": "success", "message": "Event processed", "dedup_key": "k" }"""));

        var result = await ActionTest.RunAsync(new TriggerAction(), Inputs(new() { ["summary"] = "x", ["source"] = "y" }), _secrets);

        result.Outcome.Should().Be(Outcomes.Done);
        _pagerDuty.LogEntries.Should().HaveCount(2);
    }

    [Fact]
    public async Task A_missing_routing_key_secret_fails_without_calling_PagerDuty()
    {
        var result = await ActionTest.RunAsync(new TriggerAction(), Inputs(new() { ["summary"] = "x", ["source"] = "y" }, secret: "absent"), _secrets);

        result.Outcome.Should().Be(Outcomes.Failed);
        result.Error.Should().Contain("No secret named 'absent'");
        _pagerDuty.LogEntries.Should().BeEmpty();
    }

    private Dictionary<string, object?> Inputs(Dictionary<string, object?> inputs, string secret = "pd-key")
    {
        inputs["routingKeySecret"] = secret;
        inputs["baseUrl"] = _pagerDuty.Url;
        return inputs;
    }

    private void Accept() =>
        _pagerDuty.Given(Request.Create().WithPath("/v2/enqueue").UsingPost().WithHeader("Content-Type", "application/json*"))
            .RespondWith(Response.Create().WithStatusCode(202).WithBodyAsJson(new { status = "success", message = "Event processed", dedup_key = "test/step/1" }));

    private JsonNode Sent() => JsonNode.Parse(_pagerDuty.LogEntries.Single().RequestMessage.Body!)!;
}
