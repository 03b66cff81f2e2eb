using Orchestrator.Server.Tests.Hosting;
using Orchestrator.Server.Tests.Workflows;

namespace Orchestrator.Server.Tests.Runtime;

/// <summary>A wait with <c>timeoutSeconds</c> fails when nothing resumes it in time, and the failure is routed like any other.</summary>
public sealed class WaitTimeoutTests(SqliteServerFixture fixture) : IClassFixture<SqliteServerFixture>
{
    [Fact]
    public async Task A_wait_for_an_event_that_never_comes_follows_Failed_after_its_time_out()
    {
        await fixture.Client.PublishDefinitionAsync("""
            { "definitionId": "wait-times-out", "name": "Wait with a time-out",
              "root": { "activities": [
                { "id": "start", "type": "Start" },
                { "id": "wait", "type": "WaitForEvent", "inputs": { "eventName": "ack" }, "timeoutSeconds": 1 },
                { "id": "escalate", "type": "Log", "inputs": { "message": { "expr": "outputs.wait.error" } } } ],
              "connections": [
                { "source": { "activity": "start" }, "target": { "activity": "wait" } },
                { "source": { "activity": "wait", "port": "Failed" }, "target": { "activity": "escalate" } } ] } }
            """);

        var id = await fixture.Client.RunAsync("wait-times-out", correlationId: "never-acked");
        var run = await fixture.Client.WaitForStatusAsync(id, TimeSpan.FromSeconds(15), "Finished", "Faulted");

        run["status"]!.GetValue<string>().Should().Be("Finished");
        run.JournalEntry("wait")["outcome"]!.GetValue<string>().Should().Be("Failed");
        run.JournalEntry("escalate")["outputs"]!["message"]!.GetValue<string>().Should().Contain("Timed out after 1 s");
        var waited = run.JournalEntry("wait")["completedAt"]!.GetValue<DateTimeOffset>() - run.JournalEntry("wait")["startedAt"]!.GetValue<DateTimeOffset>();
        waited.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_wait_resumed_before_its_time_out_completes_normally()
    {
        await fixture.Client.PublishDefinitionAsync("""
            { "definitionId": "wait-in-time", "name": "Wait in time",
              "root": { "activities": [
                { "id": "start", "type": "Start" },
                { "id": "wait", "type": "WaitForEvent", "inputs": { "eventName": "ack" }, "timeoutSeconds": 2 },
                { "id": "end", "type": "End" } ],
              "connections": [
                { "source": { "activity": "start" }, "target": { "activity": "wait" } },
                { "source": { "activity": "wait" }, "target": { "activity": "end" } } ] } }
            """);
        var id = await fixture.Client.RunAsync("wait-in-time", correlationId: "acked-in-time");
        await fixture.Client.WaitForStatusAsync(id, TimeSpan.FromSeconds(10), "Suspended");

        await fixture.Client.PostAsync("/api/events/ack", System.Net.Http.Json.JsonContent.Create(new { correlationId = "acked-in-time" }));
        var run = await fixture.Client.WaitForStatusAsync(id, TimeSpan.FromSeconds(10), "Finished", "Faulted");
        await Task.Delay(2500); // past the time-out: the stale timer must change nothing

        run = await fixture.Client.WaitForStatusAsync(id, TimeSpan.FromSeconds(1), "Finished", "Faulted");
        run["status"]!.GetValue<string>().Should().Be("Finished");
        run.JournalEntry("wait")["outcome"]!.GetValue<string>().Should().Be("Done");
    }
}
