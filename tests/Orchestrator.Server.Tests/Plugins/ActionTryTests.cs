using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Api;
using Orchestrator.Server.Tests.Hosting;
using Orchestrator.Server.Tests.Runtime;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Orchestrator.Server.Tests.Plugins;

/// <summary><c>POST /api/activity-descriptors/{type}/try</c>: one action run outside a workflow, with a run's validation,
/// time-out and error texts, against a real HTTP server on loopback.</summary>
public sealed class ActionTryTests : IAsyncLifetime
{
    private readonly WireMockServer _api = WireMockServer.Start();
    private OrchestratorServer _server = null!;

    private HttpClient Client => _server.Client;

    public async Task InitializeAsync() => _server = await OrchestratorServer.StartWithActivitiesAsync(new FlakyAction());

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _api.Stop();
    }

    [Fact]
    public async Task An_http_request_is_sent_and_its_outcome_outputs_and_duration_come_back()
    {
        _api.Given(Request.Create().WithPath("/health").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{ "ok": true }"""));

        var result = await (await TryAsync("http.Request", new { inputs = new { url = $"{_api.Url}/health" } })).ShouldBeAsync(HttpStatusCode.OK);

        result.Str("outcome").Should().Be("Done");
        result["outputs"]!["status"]!.GetValue<int>().Should().Be(200);
        result["outputs"]!["body"]!["ok"]!.GetValue<bool>().Should().BeTrue();
        result["error"].Should().BeNull();
        result["durationMs"]!.GetValue<long>().Should().BeGreaterThanOrEqualTo(0);
        _api.LogEntries.Should().ContainSingle();
        (await Client.GetFromJsonAsync<JsonNode>("/api/workflow-instances"))!.ToJsonString().Should().NotContain("http.Request", "a try stores no run");
    }

    [Fact]
    public async Task A_refused_request_answers_Failed_with_the_error_and_the_status_a_Failed_branch_would_read()
    {
        _api.Given(Request.Create().WithPath("/missing").UsingGet()).RespondWith(Response.Create().WithStatusCode(404).WithBody("no such thing"));

        var result = await (await TryAsync("http.Request", new { inputs = new { url = $"{_api.Url}/missing" } })).ShouldBeAsync(HttpStatusCode.OK);

        result.Str("outcome").Should().Be("Failed");
        result.Str("error").Should().Contain("HTTP 404").And.Contain("no such thing");
        result["permanent"]!.GetValue<bool>().Should().BeTrue();
        result["outputs"]!["status"]!.GetValue<int>().Should().Be(404);
    }

    [Fact]
    public async Task What_the_action_logs_comes_back_with_its_result()
    {
        var result = await (await TryAsync(FlakyAction.TypeName, new { inputs = new { mode = "fail" } })).ShouldBeAsync(HttpStatusCode.OK);

        result.Str("outcome").Should().Be("Failed");
        result.Str("error").Should().Be("service unavailable");
        var log = result["logs"]!.AsArray().Should().ContainSingle().Subject!;
        log.Str("level").Should().Be("Information");
        log.Str("message").Should().Be("Flaky runs in mode fail");
    }

    [Fact]
    public async Task An_action_that_throws_answers_Failed_with_the_same_text_as_in_a_run()
    {
        var result = await (await TryAsync(FlakyAction.TypeName, new { inputs = new { mode = "throw" } })).ShouldBeAsync(HttpStatusCode.OK);

        result.Str("error").Should().Be("InvalidOperationException: boom");
    }

    [Fact]
    public async Task An_action_that_hangs_is_ended_by_its_time_out()
    {
        var result = await (await TryAsync(FlakyAction.TypeName, new { inputs = new { mode = "hang" }, timeoutSeconds = 1 })).ShouldBeAsync(HttpStatusCode.OK);

        result.Str("outcome").Should().Be("Failed");
        result.Str("error").Should().Be("Timed out after 1 s.");
    }

    [Fact]
    public async Task A_secret_input_is_given_by_the_name_of_a_stored_secret()
    {
        (await Client.PutAsJsonAsync("/api/secrets/try-token", new { value = "s3cret" })).EnsureSuccessStatusCode();
        _api.Given(Request.Create().WithPath("/private").UsingGet()).RespondWith(Response.Create().WithStatusCode(204));

        var result = await (await TryAsync("http.Request", new { inputs = new { url = $"{_api.Url}/private" }, secrets = new { bearerTokenSecret = "try-token" } })).ShouldBeAsync(HttpStatusCode.OK);

        result.Str("outcome").Should().Be("Done");
        _api.LogEntries.Single().RequestMessage.Headers!["Authorization"].Should().Equal("Bearer s3cret");
        result.ToJsonString().Should().NotContain("s3cret");
    }

    [Theory]
    [InlineData("""{ "inputs": {} }""", "inputs.url", "url is required.")]
    [InlineData("""{ "inputs": { "url": "http://example.test", "verb": "GET" } }""", "inputs.verb", "has no input 'verb'")]
    [InlineData("""{ "inputs": { "url": "http://example.test", "timeoutSeconds": "soon" } }""", "inputs.timeoutSeconds", "timeoutSeconds")]
    [InlineData("""{ "inputs": { "url": "http://example.test" }, "secrets": { "url": "x" } }""", "secrets.url", "not a secret input")]
    [InlineData("""{ "inputs": { "url": "http://example.test" }, "secrets": { "bearerTokenSecret": "nobody-stored-this" } }""", "secrets.bearerTokenSecret", "No secret named 'nobody-stored-this'")]
    [InlineData("""{ "inputs": { "url": "http://example.test" }, "timeoutSeconds": 0 }""", "timeoutSeconds", "more than 0")]
    public async Task Bad_input_is_refused_naming_the_field_and_nothing_is_sent(string body, string field, string message)
    {
        var problem = await (await Client.PostAsync("/api/activity-descriptors/http.Request/try", new StringContent(body, System.Text.Encoding.UTF8, "application/json")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.Str("field").Should().Be(field);
        problem.Str("detail").Should().Contain(message);
        _api.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task An_unknown_type_is_404_and_a_built_in_activity_is_400()
    {
        (await (await TryAsync("nobody.Nothing", new { inputs = new { } })).ShouldBeProblemAsync(HttpStatusCode.NotFound))
            .Str("detail").Should().Contain("nobody.Nothing");
        (await (await TryAsync("Delay", new { inputs = new { seconds = 1 } })).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .Str("field").Should().Be("type");
    }

    private Task<HttpResponseMessage> TryAsync(string type, object body) =>
        Client.PostAsJsonAsync($"/api/activity-descriptors/{type}/try", body);
}
