using System.Net;
using System.Net.Http.Json;
using Orchestrator.Server.Tests.Hosting;
using Orchestrator.Server.Tests.Workflows;
using static Orchestrator.Server.Tests.Workflows.DefinitionJson;

namespace Orchestrator.Server.Tests.Api;

/// <summary>The caller's answer to "is it fixed?" (issue 11): confirming closes a Resolved incident, rejecting reopens
/// it with the caller's words, each raising <c>incident.verified</c>; other states and missing answers are refused.</summary>
public sealed class VerificationTests(SqliteServerFixture fixture) : IClassFixture<SqliteServerFixture>
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task A_confirmation_closes_the_incident_and_raises_incident_verified()
    {
        var service = WorkflowCalls.NewId("verify");
        var definitionId = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("on-verified"),
            [Start, Log("log", "'confirmed: ' + input.confirmed + ', now ' + incident.state")], ["start -> log"],
            triggers: new[] { new { @event = "incident.verified", filter = $"incident.service == \"{service}\"" } }));
        var id = await ResolvedAsync(service);

        var closed = await (await _client.PostAsJsonAsync($"/api/incidents/{id}/verification", new { confirmed = true, comment = "Works again, thanks" }))
            .ShouldBeAsync(HttpStatusCode.OK);

        closed.Str("state").Should().Be("Closed");
        closed["closedAt"].Should().NotBeNull();
        var timeline = (await _client.GetTimelineAsync(id)).Select(e => e!.Str("summary")).ToList();
        timeline.Should().Contain("The caller confirmed the fix: Works again, thanks").And.Contain("State changed from Resolved to Closed: Confirmed by the caller");
        var run = await Orchestrator.Tests.Shared.Eventually.Async(async () => (await _client.GetIncidentAsync(id))["runs"]!.AsArray(),
            r => r.Any(x => x!.Str("trigger") == "incident.verified"), "a run started by incident.verified");
        var finished = await _client.WaitForStatusAsync(run.First(x => x!.Str("trigger") == "incident.verified")!.Str("instanceId"), "Finished");
        finished.SingleEntry("log")["outputs"]!.Str("message").Should().Be("confirmed: true, now Closed");
    }

    [Fact]
    public async Task A_rejection_reopens_the_incident_with_the_callers_words_and_needs_them()
    {
        var id = await ResolvedAsync(WorkflowCalls.NewId("verify"));

        (await (await _client.PostAsJsonAsync($"/api/incidents/{id}/verification", new { confirmed = false })).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .Str("field").Should().Be("comment");
        var reopened = await (await _client.PostAsJsonAsync($"/api/incidents/{id}/verification", new { confirmed = false, comment = "Still 502 on checkout" }))
            .ShouldBeAsync(HttpStatusCode.OK);

        reopened.Str("state").Should().Be("InProgress");
        reopened.Int("reopenCount").Should().Be(1);
        (await _client.GetTimelineAsync(id)).Select(e => e!.Str("summary")).Should().Contain("The caller says it is not fixed: Still 502 on checkout");
        var again = await (await _client.PostAsJsonAsync($"/api/incidents/{id}/verification", new { confirmed = true })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        again.Str("detail").Should().Contain("only a Resolved incident can be confirmed");
        (await (await _client.PostAsJsonAsync($"/api/incidents/{id}/verification", new { comment = "?" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .Str("field").Should().Be("confirmed");
    }

    private async Task<string> ResolvedAsync(string service)
    {
        var incident = await _client.CreateIncidentAsync(new { title = "Checkout returns 502", impact = 2, urgency = 2, service, caller = "dana@example.com" });
        var id = incident.Str("id");
        await (await _client.PostAsJsonAsync($"/api/incidents/{id}/assignment", new { group = "web" })).ShouldBeAsync(HttpStatusCode.OK);
        await _client.MoveAsync(id, new { to = "InProgress" });
        await _client.MoveAsync(id, new { to = "Resolved", resolutionCode = "Fixed", notes = "Rolled back the gateway" });
        return id;
    }
}
