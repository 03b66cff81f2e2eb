using Orchestrator.Server.Tests.Hosting;
using Orchestrator.Server.Tests.Workflows;

namespace Orchestrator.Server.Tests.Runtime;

/// <summary>Actions run off the instance's turn, so a slow action never holds up a sibling branch.</summary>
public sealed class ParallelBranchTests : IAsyncLifetime
{
    private OrchestratorServer _server = null!;

    public async Task InitializeAsync() => _server = await OrchestratorServer.StartWithActivitiesAsync(new SleepAction());

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_quick_branch_completes_within_200_ms_of_the_fork_while_a_2_second_action_runs_beside_it()
    {
        await _server.Client.PublishDefinitionAsync("""
            { "definitionId": "fork-slow-quick", "name": "Restart and page",
              "root": { "activities": [
                { "id": "start", "type": "Start" },
                { "id": "fork", "type": "Fork" },
                { "id": "restart", "type": "test.Sleep", "inputs": { "seconds": 2 } },
                { "id": "page", "type": "Log", "inputs": { "message": "paging on-call" } },
                { "id": "join", "type": "Join", "inputs": { "mode": "WaitAll" } },
                { "id": "end", "type": "End" } ],
              "connections": [
                { "source": { "activity": "start" }, "target": { "activity": "fork" } },
                { "source": { "activity": "fork" }, "target": { "activity": "restart" } },
                { "source": { "activity": "fork" }, "target": { "activity": "page" } },
                { "source": { "activity": "restart" }, "target": { "activity": "join" } },
                { "source": { "activity": "page" }, "target": { "activity": "join" } },
                { "source": { "activity": "join" }, "target": { "activity": "end" } } ] } }
            """);

        var id = await _server.Client.RunAsync("fork-slow-quick");
        var run = await _server.Client.WaitForStatusAsync(id, TimeSpan.FromSeconds(20), "Finished", "Faulted");

        run["status"]!.GetValue<string>().Should().Be("Finished");
        var forked = run.JournalEntry("fork")["completedAt"]!.GetValue<DateTimeOffset>();
        var paged = run.JournalEntry("page")["completedAt"]!.GetValue<DateTimeOffset>();
        var restarted = run.JournalEntry("restart")["completedAt"]!.GetValue<DateTimeOffset>();
        (paged - forked).Should().BeLessThan(TimeSpan.FromMilliseconds(200));
        (restarted - forked).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(2));
        run.JournalEntry("restart")["outputs"]!["idempotencyKey"]!.GetValue<string>().Should().Be($"{id}/restart/1");
        run.JournalEntry("join")["startedAt"]!.GetValue<DateTimeOffset>().Should().BeOnOrAfter(restarted);
    }
}
