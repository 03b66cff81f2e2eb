using System.Diagnostics;
using System.Net;
using Orchestrator.Http;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Orchestrator.Http.Tests;

/// <summary>The clients actions get, against a real HTTP server on loopback: what each profile retries and what it does not.</summary>
public sealed class ActionHttpClientsTests : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start();

    public void Dispose() => _server.Stop();

    [Fact]
    public async Task A_vendor_client_retries_a_5xx_with_back_off_and_returns_the_answer_that_came_good()
    {
        FailsOnceThen("/flaky", 503);

        var clock = Stopwatch.StartNew();
        using var response = await ActionHttpClients.Create("pagerduty").GetAsync($"{_server.Url}/flaky");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        _server.LogEntries.Should().HaveCount(2);
        clock.Elapsed.Should().BeGreaterThan(TimeSpan.FromMilliseconds(100), "the retry waits a jittered back-off around one second");
    }

    [Fact]
    public async Task A_vendor_client_honours_Retry_After()
    {
        _server.Given(Request.Create().WithPath("/busy")).InScenario("busy").WillSetStateTo("ready")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "2"));
        _server.Given(Request.Create().WithPath("/busy")).InScenario("busy").WhenStateIs("ready")
            .RespondWith(Response.Create().WithStatusCode(200));

        using var response = await ActionHttpClients.Create("chat").GetAsync($"{_server.Url}/busy");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var (first, second) = (_server.LogEntries.First().RequestMessage.DateTime, _server.LogEntries.Last().RequestMessage.DateTime);
        (second - first).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1.9));
    }

    [Fact]
    public async Task A_vendor_client_gives_up_after_three_retries_and_returns_the_last_answer()
    {
        _server.Given(Request.Create().WithPath("/down")).RespondWith(Response.Create().WithStatusCode(502).WithHeader("Retry-After", "0"));

        using var response = await ActionHttpClients.Create("ticketing").GetAsync($"{_server.Url}/down");

        response.StatusCode.Should().Be(HttpStatusCode.BadGateway);
        _server.LogEntries.Should().HaveCount(1 + ActionHttpClients.MaxRetries);
    }

    [Fact]
    public async Task A_vendor_client_does_not_retry_a_4xx()
    {
        _server.Given(Request.Create().WithPath("/refused")).RespondWith(Response.Create().WithStatusCode(400));

        using var response = await ActionHttpClients.Create("webhook").GetAsync($"{_server.Url}/refused");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        _server.LogEntries.Should().ContainSingle();
    }

    [Theory]
    [InlineData("http")]
    [InlineData("health")]
    public async Task A_request_a_workflow_author_wrote_is_not_retried_on_5xx_the_nodes_policy_decides(string name)
    {
        FailsOnceThen("/flaky", 503);

        using var response = await ActionHttpClients.Create(name).GetAsync($"{_server.Url}/flaky");

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        _server.LogEntries.Should().ContainSingle();
    }

    [Fact]
    public async Task A_request_a_workflow_author_wrote_is_retried_when_the_server_asks_with_429_and_Retry_After()
    {
        _server.Given(Request.Create().WithPath("/busy")).InScenario("busy").WillSetStateTo("ready")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "1"));
        _server.Given(Request.Create().WithPath("/busy")).InScenario("busy").WhenStateIs("ready")
            .RespondWith(Response.Create().WithStatusCode(200));

        using var response = await ActionHttpClients.Create("http").PostAsync($"{_server.Url}/busy", new StringContent("{}"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        _server.LogEntries.Should().HaveCount(2);
        _server.LogEntries.Should().AllSatisfy(e => e.RequestMessage.Body.Should().Be("{}", "the body is sent again on the retry"));
    }

    private void FailsOnceThen(string path, int status)
    {
        _server.Given(Request.Create().WithPath(path)).InScenario(path).WillSetStateTo("up")
            .RespondWith(Response.Create().WithStatusCode(status));
        _server.Given(Request.Create().WithPath(path)).InScenario(path).WhenStateIs("up")
            .RespondWith(Response.Create().WithStatusCode(200));
    }
}
