using Orchestrator.Sdk;
using Orchestrator.Sdk.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Orchestrator.Plugins.Http.Tests;

/// <summary>The Request action in a unit test, through Orchestrator.Sdk.Testing, against a real HTTP server on loopback.</summary>
public sealed class RequestActionTests : IDisposable
{
    private readonly WireMockServer _api = WireMockServer.Start();

    public void Dispose() => _api.Stop();

    [Fact]
    public async Task Sends_the_bearer_token_from_the_named_secret_and_never_logs_it()
    {
        _api.Given(Request.Create().WithPath("/me").UsingGet().WithHeader("Authorization", "Bearer s3cr3t-value"))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{ "user": "ops-bot" }"""));
        var logger = new RecordingLogger();

        var result = await ActionTest.RunAsync(new RequestAction(),
            new Dictionary<string, object?> { ["url"] = $"{_api.Url}/me", ["bearerTokenSecret"] = "api-token" },
            secrets: new Dictionary<string, string> { ["api-token"] = "s3cr3t-value" },
            logger: logger);

        result.Outcome.Should().Be(Outcomes.Done);
        result.Outputs["status"].Should().Be(200L);
        ((IReadOnlyDictionary<string, object?>)result.Outputs["body"]!)["user"].Should().Be("ops-bot");
        logger.Entries.Should().NotContain(e => e.Message.Contains("s3cr3t-value"));
    }

    [Fact]
    public async Task A_missing_secret_fails_with_its_name()
    {
        var result = await ActionTest.RunAsync(new RequestAction(),
            new Dictionary<string, object?> { ["url"] = $"{_api.Url}/me", ["bearerTokenSecret"] = "nope" });

        result.Outcome.Should().Be(Outcomes.Failed);
        result.Error.Should().Contain("No secret named 'nope'");
    }

    [Fact]
    public async Task Expected_status_codes_decide_success()
    {
        _api.Given(Request.Create().WithPath("/accepted").UsingPost()).RespondWith(Response.Create().WithStatusCode(202));

        var accepted = await ActionTest.RunAsync(new RequestAction(), new Dictionary<string, object?>
        {
            ["method"] = "POST", ["url"] = $"{_api.Url}/accepted", ["expectedStatus"] = new List<object?> { 200L },
        });

        accepted.Outcome.Should().Be(Outcomes.Failed);
        accepted.Error.Should().StartWith("HTTP 202");
        accepted.Outputs["status"].Should().Be(202L);
    }

    [Theory]
    [InlineData("ftp://example.com/x")]
    [InlineData("not a url")]
    public async Task A_url_that_is_not_absolute_http_fails_without_calling_anything(string url)
    {
        var result = await ActionTest.RunAsync(new RequestAction(), new Dictionary<string, object?> { ["url"] = url });

        result.Outcome.Should().Be(Outcomes.Failed);
        result.Error.Should().Contain("is not an absolute http(s) URL");
        _api.LogEntries.Should().BeEmpty();
    }
}
