using Orchestrator.Server.Tests.Api;
using Orchestrator.Server.Tests.Hosting;
using Orchestrator.Server.Tests.Workflows;

namespace Orchestrator.Server.Tests.Runtime;

/// <summary>Actions run off the instance's turn, so a slow action never holds up a sibling branch.</summary>
public sealed class ParallelBranchTests : IAsyncLifetime
{
    private readonly GatedAction _restart = new();
    private OrchestratorServer _server = null!;

    public async Task InitializeAsync() => _server = await OrchestratorServer.StartWithActivitiesAsync(_restart);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_quick_branch_completes_while_a_slow_action_beside_it_is_still_running_and_the_join_waits_for_both()
    {
        await _server.Client.PublishDefinitionAsync($$"""
            { "definitionId": "fork-slow-quick", "name": "Restart and page",
              "root": { "activities": [
                { "id": "start", "type": "Start" },
                { "id": "fork", "type": "Fork" },
                { "id": "restart", "type": "{{GatedAction.TypeName}}" },
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
        await _restart.Entered.WaitAsync(TimeSpan.FromSeconds(10));

        // The action is running and cannot finish: whatever the run shows now, it did beside it.
        var during = await _server.Client.WaitForStatusAsync(id, "Suspended");
        during.SingleEntry("page").Str("outcome").Should().Be("Done", "the quick branch does not wait for the action");
        during.SingleEntry("restart")["completedAt"].Should().BeNull("the action is still running");
        during.JournalIds().Should().NotContain("join", "WaitAll waits for the action's branch");

        _restart.Open();
        var run = await _server.Client.WaitForStatusAsync(id, "Finished");

        run.JournalIds().Should().ContainInOrder("fork", "page", "join", "end");
        run.SingleEntry("restart")["outputs"]!["idempotencyKey"]!.GetValue<string>().Should().Be($"{id}/restart/1");
        run.SingleEntry("join")["startedAt"]!.GetValue<DateTimeOffset>()
            .Should().BeOnOrAfter(run.SingleEntry("restart")["completedAt"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task The_runtime_is_idle_only_once_a_running_action_has_finished_and_its_run_has_moved_on()
    {
        await _server.Client.PublishDefinitionAsync($$"""
            { "definitionId": "idle-after-action", "name": "Idle after action",
              "root": { "activities": [
                { "id": "start", "type": "Start" },
                { "id": "restart", "type": "{{GatedAction.TypeName}}" },
                { "id": "end", "type": "End" } ],
              "connections": [
                { "source": { "activity": "start" }, "target": { "activity": "restart" } },
                { "source": { "activity": "restart" }, "target": { "activity": "end" } } ] } }
            """);
        var id = await _server.Client.RunAsync("idle-after-action");
        await _restart.Entered.WaitAsync(TimeSpan.FromSeconds(10));

        var idle = _server.WhenIdleAsync(TimeSpan.FromSeconds(30));
        (await Task.WhenAny(idle, Task.Delay(300))).Should().NotBeSameAs(idle, "an action is still running");
        (await _server.Client.GetInstanceAsync(id)).Status().Should().Be("Suspended");

        _restart.Open();
        await idle;

        // Idle means settled: the action's result was recorded and the run's next turn ran, with no polling.
        (await _server.Client.GetInstanceAsync(id)).Status().Should().Be("Finished");
    }
}
