using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Infrastructure.Scheduling;
using Orchestrator.Server.Tests.Api;
using Orchestrator.Server.Tests.Hosting;
using Orchestrator.Workflows.Runtime.Signals;
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
        var waiting = await fixture.Client.WaitForStatusAsync(id, TimeSpan.FromSeconds(10), "Suspended");
        var bookmarkId = waiting.Bookmarks().Single(b => b.Str("activityId") == "wait").Str("id");

        await fixture.Client.PostAsync("/api/events/ack", System.Net.Http.Json.JsonContent.Create(new { correlationId = "acked-in-time" }));
        var run = await fixture.Client.WaitForStatusAsync(id, TimeSpan.FromSeconds(10), "Finished", "Faulted");

        // The stale time-out fires anyway (as Quartz would, had its trigger not been removed yet): it must change nothing.
        fixture.Server.Services.GetRequiredService<DueTimers>().Add(bookmarkId, ResumeSignal.TimedOut());
        await fixture.Server.WhenIdleAsync();

        run = await fixture.Client.GetInstanceAsync(id);
        run["status"]!.GetValue<string>().Should().Be("Finished");
        run.JournalEntry("wait")["outcome"]!.GetValue<string>().Should().Be("Done");
    }
}
