using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Hosting;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using Orchestrator.Server.Tests.Workflows;

namespace Orchestrator.Server.Tests.Plugins;

/// <summary>The HTTP plugin's Request action, run by real workflows against a real HTTP server on loopback (WireMock).</summary>
public sealed class HttpRequestActionTests(SqliteServerFixture fixture) : IClassFixture<SqliteServerFixture>, IDisposable
{
    private readonly WireMockServer _api = WireMockServer.Start();

    public void Dispose() => _api.Stop();

    [Fact]
    public async Task Sends_the_method_headers_and_json_body_and_returns_the_parsed_response()
    {
        _api.Given(Request.Create().WithPath("/tickets").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json").WithBody("""{ "id": 42, "key": "OPS-42" }"""));

        var run = await RunAsync("post-ticket", """
            "method": "POST", "url": "{{URL}}/tickets",
            "headers": { "Authorization": "Bearer t0ken", "X-Team": "sre" },
            "body": { "expr": "{ summary: input.summary, priority: 2 }" }
            """, input: new JsonObject { ["summary"] = "Disk full" });

        run["status"]!.GetValue<string>().Should().Be("Finished");
        var outputs = run.JournalEntry("call")["outputs"]!;
        outputs["status"]!.GetValue<int>().Should().Be(201);
        outputs["body"]!["key"]!.GetValue<string>().Should().Be("OPS-42");
        var sent = _api.LogEntries.Single().RequestMessage;
        sent.Method.Should().Be("POST");
        sent.Headers!["Authorization"].Should().Equal("Bearer t0ken");
        sent.Headers["X-Team"].Should().Equal("sre");
        JsonNode.Parse(sent.Body!)!.ToJsonString().Should().Be("""{"summary":"Disk full","priority":2}""");
    }

    [Fact]
    public async Task An_unexpected_status_follows_Failed_with_the_servers_text_in_the_journal()
    {
        _api.Given(Request.Create().WithPath("/broken").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(403).WithBody("token expired"));

        var run = await RunAsync("get-broken", """ "url": "{{URL}}/broken" """, failedGoesTo: "recover");

        run["status"]!.GetValue<string>().Should().Be("Finished");
        var call = run.JournalEntry("call");
        call["outcome"]!.GetValue<string>().Should().Be("Failed");
        call["error"]!.GetValue<string>().Should().Contain("HTTP 403").And.Contain("token expired");
        run.JournalEntry("recover")["outcome"]!.GetValue<string>().Should().Be("Done");
    }

    [Fact]
    public async Task A_429_with_Retry_After_is_retried()
    {
        _api.Given(Request.Create().WithPath("/busy").UsingGet()).InScenario("busy").WillSetStateTo("ready")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "1"));
        _api.Given(Request.Create().WithPath("/busy").UsingGet()).InScenario("busy").WhenStateIs("ready")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("ok"));

        var run = await RunAsync("get-busy", """ "url": "{{URL}}/busy" """);

        run.JournalEntry("call")["outcome"]!.GetValue<string>().Should().Be("Done");
        run.JournalEntry("call")["outputs"]!["body"]!.GetValue<string>().Should().Be("ok");
        _api.LogEntries.Should().HaveCount(2);
    }

    [Fact]
    public async Task A_server_that_does_not_answer_in_time_fails_the_step()
    {
        _api.Given(Request.Create().WithPath("/slow").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithDelay(TimeSpan.FromSeconds(5)));

        var run = await RunAsync("get-slow", """ "url": "{{URL}}/slow", "timeoutSeconds": 1 """, expect: "Faulted");

        run["fault"]!["message"]!.GetValue<string>().Should().Contain("did not answer within 1 s");
    }

    [Fact]
    public async Task Outputs_over_the_size_limit_are_rejected()
    {
        _api.Given(Request.Create().WithPath("/huge").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(new string('x', 300 * 1024)));

        var run = await RunAsync("get-huge", """ "url": "{{URL}}/huge" """, expect: "Faulted");

        run["fault"]!["message"]!.GetValue<string>().Should().Contain("the limit is 256 KB");
    }

    [Fact]
    public async Task A_dead_port_is_tried_max_attempts_times_with_growing_back_off_then_faults()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var deadPort = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var run = await RunAsync("get-dead-port", $$""" "url": "http://127.0.0.1:{{deadPort}}/health" """, expect: "Faulted",
            retry: """{ "maxAttempts": 2, "backoffSeconds": 1 }""");

        var entries = run["journal"]!.AsArray().Where(e => e!["activityId"]!.GetValue<string>() == "call").ToList();
        entries.Should().HaveCount(2);
        entries.Should().AllSatisfy(e => e!["error"]!.GetValue<string>().Should().Contain($"127.0.0.1:{deadPort}"));
        (entries[1]!["startedAt"]!.GetValue<DateTimeOffset>() - entries[0]!["completedAt"]!.GetValue<DateTimeOffset>())
            .Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(980));
    }

    [Fact]
    public async Task A_4xx_answer_is_not_retried_and_its_status_and_body_are_readable_on_the_Failed_branch()
    {
        _api.Given(Request.Create().WithPath("/missing").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(404).WithHeader("Content-Type", "application/json").WithBody("""{ "reason": "no such ticket" }"""));

        var run = await RunAsync("get-missing", """ "url": "{{URL}}/missing" """, failedGoesTo: "recover",
            retry: """{ "maxAttempts": 3, "backoffSeconds": 0 }""", recoverMessage: "'status ' + outputs.call.status + ': ' + outputs.call.body.reason");

        _api.LogEntries.Should().ContainSingle("a 404 will be a 404 next time");
        run.JournalEntry("call")["outputs"]!["status"]!.GetValue<int>().Should().Be(404);
        run.JournalEntry("recover")["outputs"]!["message"]!.GetValue<string>().Should().Be("status 404: no such ticket");
    }

    [Fact]
    public async Task A_5xx_answer_is_retried_under_the_nodes_retry_policy()
    {
        _api.Given(Request.Create().WithPath("/flaky").UsingGet()).InScenario("flaky").WillSetStateTo("up")
            .RespondWith(Response.Create().WithStatusCode(503).WithBody("maintenance"));
        _api.Given(Request.Create().WithPath("/flaky").UsingGet()).InScenario("flaky").WhenStateIs("up")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("ok"));

        var run = await RunAsync("get-flaky", """ "url": "{{URL}}/flaky" """, retry: """{ "maxAttempts": 2, "backoffSeconds": 0 }""");

        var entries = run["journal"]!.AsArray().Where(e => e!["activityId"]!.GetValue<string>() == "call").ToList();
        entries.Select(e => e!["outcome"]!.GetValue<string>()).Should().Equal("Failed", "Done");
        entries[0]!["outputs"]!["status"]!.GetValue<int>().Should().Be(503);
    }

    private async Task<JsonNode> RunAsync(string id, string inputs, JsonObject? input = null, string? failedGoesTo = null, string expect = "Finished",
        string? retry = null, string? recoverMessage = null)
    {
        var message = recoverMessage is null ? "\"recovering\"" : new JsonObject { ["expr"] = recoverMessage }.ToJsonString();
        var recover = failedGoesTo is null ? string.Empty : $$""", { "id": "{{failedGoesTo}}", "type": "Log", "inputs": { "message": {{message}} } }""";
        var retryPolicy = retry is null ? string.Empty : $$""", "retry": {{retry}}""";
        var recoverConnection = failedGoesTo is null ? string.Empty
            : $$""", { "source": { "activity": "call", "port": "Failed" }, "target": { "activity": "{{failedGoesTo}}" } }""";
        await fixture.Client.PublishDefinitionAsync($$"""
            { "definitionId": "{{id}}", "name": "{{id}}",
              "root": { "activities": [
                { "id": "start", "type": "Start" },
                { "id": "call", "type": "http.Request", "inputs": { {{inputs.Replace("{{URL}}", _api.Url!)}} } {{retryPolicy}} } {{recover}} ],
              "connections": [ { "source": { "activity": "start" }, "target": { "activity": "call" } } {{recoverConnection}} ] } }
            """);
        var instanceId = await fixture.Client.RunAsync(id, input);
        var run = await fixture.Client.WaitForStatusAsync(instanceId, TimeSpan.FromSeconds(20), "Finished", "Faulted");
        run["status"]!.GetValue<string>().Should().Be(expect, "the run was: {0}", run.ToJsonString());
        return run;
    }
}
