using System.Text.Json.Nodes;
using Orchestrator.Workflows.Runtime.Instances;

namespace Orchestrator.Workflows.Tests.Interpreter;

/// <summary>Joins, dead paths and WaitAny at the interpreter, turn by turn, with nothing but memory underneath
/// (docs/workflows.md "Joins"); the server tests cover the same through HTTP and a database.</summary>
public sealed class FlowInterpreterTests
{
    private const string Start = """{ "id": "start", "type": "Start" }""";
    private const string End = """{ "id": "end", "type": "End" }""";

    private static string Log(string id) => $$"""{ "id": "{{id}}", "type": "Log", "inputs": { "message": "{{id}}" } }""";

    private static string Wait(string id, string eventName) => $$"""{ "id": "{{id}}", "type": "WaitForEvent", "inputs": { "eventName": "{{eventName}}" } }""";

    private static string Join(string id, string mode) => $$"""{ "id": "{{id}}", "type": "Join", "inputs": { "mode": "{{mode}}" } }""";

    private static string Decision(string id, bool condition) =>
        $$"""{ "id": "{{id}}", "type": "Decision", "inputs": { "condition": { "expr": "{{(condition ? "true" : "false")}}" } } }""";

    [Fact]
    public async Task A_WaitAll_join_after_a_fork_runs_once_and_only_when_the_waiting_branch_arrives()
    {
        var run = await InMemoryRun.StartAsync(Definitions.Flowchart(
            string.Join(", ", Start, """{ "id": "fork", "type": "Fork" }""", Log("quick"), Wait("slow", "done"), Join("join", "WaitAll"), End),
            "start -> fork", "fork -> quick", "fork -> slow", "quick -> join", "slow -> join", "join -> end"));

        run.Status.Should().Be(WorkflowStatus.Suspended);
        run.Ran.Should().Contain("quick").And.NotContain("join", "the slow branch has not arrived");

        await run.ResumeAsync("slow", new JsonObject { ["ok"] = true });

        run.Status.Should().Be(WorkflowStatus.Finished);
        run.EntriesOf("join").Should().ContainSingle();
        run.Ran.Should().ContainInOrder("quick", "join", "end").And.ContainInOrder("slow", "join");
    }

    [Theory]
    [InlineData(true, "yes", "no")]
    [InlineData(false, "no", "yes")]
    public async Task An_implicit_join_after_a_decision_does_not_wait_for_the_dead_branch(bool condition, string taken, string dead)
    {
        var run = await InMemoryRun.StartAsync(Definitions.Flowchart(
            string.Join(", ", Start, Decision("decide", condition), Log("yes"), Log("no"), Log("after"), End),
            "start -> decide", "decide.True -> yes", "decide.False -> no", "yes -> after", "no -> after", "after -> end"));

        run.Status.Should().Be(WorkflowStatus.Finished, "a branch that cannot come is not waited for");
        run.Ran.Should().ContainInOrder(taken, "after", "end").And.NotContain(dead);
        run.EntriesOf("after").Should().ContainSingle();
    }

    [Fact]
    public async Task Death_propagates_through_a_chain_so_a_join_two_steps_away_still_runs()
    {
        var run = await InMemoryRun.StartAsync(Definitions.Flowchart(
            string.Join(", ", Start, Decision("decide", true), Log("yes"), Log("no1"), Log("no2"), Log("after"), End),
            "start -> decide", "decide.True -> yes", "decide.False -> no1", "no1 -> no2", "yes -> after", "no2 -> after", "after -> end"));

        run.Status.Should().Be(WorkflowStatus.Finished);
        run.Ran.Should().NotContain(["no1", "no2"]);
        run.EntriesOf("after").Should().ContainSingle();
    }

    [Fact]
    public async Task A_WaitAny_join_runs_on_the_first_arrival_and_cancels_the_other_waits()
    {
        var run = await InMemoryRun.StartAsync(Definitions.Flowchart(
            string.Join(", ", Start, """{ "id": "fork", "type": "Fork" }""", Wait("ack", "acked"), Wait("resolve", "resolved"), Join("first", "WaitAny"), End),
            "start -> fork", "fork -> ack", "fork -> resolve", "ack -> first", "resolve -> first", "first -> end"));
        run.Instance.Bookmarks.Select(b => b.ActivityId).Should().BeEquivalentTo(["ack", "resolve"]);

        await run.ResumeAsync("resolve");

        run.Status.Should().Be(WorkflowStatus.Finished);
        run.Instance.Bookmarks.Should().BeEmpty("the other wait is removed");
        run.RemovedBookmarks.Select(b => b.ActivityId).Should().Contain("ack");
        run.EntriesOf("ack").Should().ContainSingle().Which.Outcome.Should().Be(JournalEntry.Cancelled);
        run.EntriesOf("first").Should().ContainSingle();
        run.Ran.Should().ContainInOrder("resolve", "first", "end");
    }

    [Fact]
    public async Task A_WaitAny_join_runs_once_even_when_both_branches_arrive_in_the_same_turn()
    {
        var run = await InMemoryRun.StartAsync(Definitions.Flowchart(
            string.Join(", ", Start, """{ "id": "fork", "type": "Fork" }""", Log("a"), Log("b"), Join("first", "WaitAny"), Log("after"), End),
            "start -> fork", "fork -> a", "fork -> b", "a -> first", "b -> first", "first -> after", "after -> end"));

        run.Status.Should().Be(WorkflowStatus.Finished);
        run.EntriesOf("first").Should().ContainSingle();
        run.EntriesOf("after").Should().ContainSingle();
    }
}
