using System.Net;
using Orchestrator.Server.Tests.Api;
using Orchestrator.Server.Tests.Hosting;
using static Orchestrator.Server.Tests.Workflows.DefinitionJson;

namespace Orchestrator.Server.Tests.Workflows;

/// <summary>How flow moves through a flowchart (branches, joins, loops, expressions, faults and retries), observed through
/// the journal of real runs, once on SQLite and once on PostgreSQL.</summary>
public abstract class FlowSemanticsTests(ServerFixture fixture)
{
    private readonly HttpClient _client = fixture.Enabled ? fixture.Client : new HttpClient();

    [DatabaseFact]
    public async Task Decision_runs_the_True_branch_and_leaves_the_False_branch_out_of_the_journal()
    {
        var id = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("decision"),
            [Start, Decision("d", "input.n > 1"), Log("yes", "'big'"), Log("no", "'small'")],
            ["start -> d", "d.True -> yes", "d.False -> no"]));

        var run = await _client.WaitForStatusAsync(await _client.RunAsync(id, new { n = 5 }), "Finished");

        run.JournalIds().Should().Equal("start", "d", "yes");
        run.SingleEntry("d").Str("outcome").Should().Be("True");
        run["finishedAt"].Should().NotBeNull();
    }

    [DatabaseFact]
    public async Task Decision_runs_the_False_branch_when_the_condition_does_not_hold()
    {
        var id = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("decision-false"),
            [Start, Decision("d", "input.n > 1"), Log("yes", "'big'"), Log("no", "'small'")],
            ["start -> d", "d.True -> yes", "d.False -> no"]));

        var run = await _client.WaitForStatusAsync(await _client.RunAsync(id, new { n = 0 }), "Finished");

        run.JournalIds().Should().Equal("start", "d", "no");
        run.SingleEntry("d").Str("outcome").Should().Be("False");
    }

    [DatabaseTheory]
    [InlineData(1, "critical")] // both Critical and High hold: the first case wins
    [InlineData(2, "high")]
    [InlineData(4, "other")]
    public async Task Switch_follows_the_first_case_that_holds_or_Default(int priority, string expected)
    {
        var cases = new[]
        {
            new { name = "Critical", condition = "input.priority == 1" },
            new { name = "High", condition = "input.priority <= 2" },
        };
        var id = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("switch"),
            [Start, Node("s", "Switch", new { cases }), Log("critical", "'c'"), Log("high", "'h'"), Log("other", "'o'")],
            ["start -> s", "s.Critical -> critical", "s.High -> high", "s.Default -> other"]));

        var run = await _client.WaitForStatusAsync(await _client.RunAsync(id, new { priority }), "Finished");

        run.JournalIds().Should().Equal("start", "s", expected);
    }

    [DatabaseFact]
    public async Task Fork_with_an_implicit_join_runs_the_joining_node_once_after_both_branches()
    {
        var id = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("fork-implicit"),
            [Start, Node("fork", "Fork"), Log("a", "'a'"), Log("b", "'b'"), Log("j", "'joined'")],
            ["start -> fork", "fork -> a", "fork -> b", "a -> j", "b -> j"]));

        var run = await _client.WaitForStatusAsync(await _client.RunAsync(id), "Finished");

        var join = run.SingleEntry("j");
        join.Seq().Should().BeGreaterThan(run.SingleEntry("a").Seq()).And.BeGreaterThan(run.SingleEntry("b").Seq());
        run.JournalIds().Should().HaveCount(5);
    }

    [DatabaseFact]
    public async Task Fork_with_a_WaitAll_join_waits_for_the_waiting_branch_then_runs_the_join_once()
    {
        var correlation = WorkflowCalls.NewId("waitall");
        var id = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("fork-waitall"),
            [Start, Node("fork", "Fork"), Log("a", "'a'"), WaitFor("w", "go"), Node("join", "Join", new { mode = "WaitAll" }), Log("after", "'after'")],
            ["start -> fork", "fork -> a", "fork -> w", "a -> join", "w -> join", "join -> after"]));
        var instanceId = await _client.RunAsync(id, correlationId: correlation);

        var waiting = await _client.WaitForBookmarkAsync(instanceId, "w");
        waiting.Status().Should().Be("Suspended");
        waiting.SingleEntry("a").Str("outcome").Should().Be("Done");
        waiting.JournalIds().Should().NotContain(["join", "after"]);

        (await _client.SendEventAsync("go", correlation)).Int("resumed").Should().Be(1);
        var run = await _client.WaitForStatusAsync(instanceId, "Finished");

        run.SingleEntry("join").Seq().Should().BeGreaterThan(run.SingleEntry("w").Seq());
        run.SingleEntry("after").Str("outcome").Should().Be("Done");
        run.Bookmarks().Should().BeEmpty();
    }

    [DatabaseFact]
    public async Task WaitAny_join_continues_with_the_branch_that_completes_and_cancels_the_waiting_one()
    {
        // The waiting branch is listed first so its wait is in place before the other branch arrives at the join.
        var correlation = WorkflowCalls.NewId("waitany");
        var id = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("fork-waitany"),
            [Start, Node("fork", "Fork"), WaitFor("w", "never"), Log("a", "'a'"), Node("join", "Join", new { mode = "WaitAny" }), Log("after", "'after'")],
            ["start -> fork", "fork -> w", "fork -> a", "w -> join", "a -> join", "join -> after"]));

        var run = await _client.WaitForStatusAsync(await _client.RunAsync(id, correlationId: correlation), "Finished");

        run.SingleEntry("join").Str("outcome").Should().Be("Done");
        run.SingleEntry("after").Str("outcome").Should().Be("Done");
        run.SingleEntry("w").Str("outcome").Should().Be("Cancelled");
        run.Bookmarks().Should().BeEmpty();
        (await _client.SendEventAsync("never", correlation)).Int("resumed").Should().Be(0);
    }

    [DatabaseFact]
    public async Task WaitAny_join_cancels_a_wait_stored_in_an_earlier_turn_when_the_other_branch_arrives_later()
    {
        var correlation = WorkflowCalls.NewId("waitany-later");
        var id = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("fork-waitany-later"),
            [Start, Node("fork", "Fork"), WaitFor("left", "left"), WaitFor("right", "right"), Node("join", "Join", new { mode = "WaitAny" }), Log("after", "'after'")],
            ["start -> fork", "fork -> left", "fork -> right", "left -> join", "right -> join", "join -> after"]));
        var instanceId = await _client.RunAsync(id, correlationId: correlation);
        await _client.WaitForAsync(instanceId, i => i.Bookmarks().Count == 2, "both branches waiting");

        (await _client.SendEventAsync("right", correlation, new { side = "right" })).Int("resumed").Should().Be(1);
        var run = await _client.WaitForStatusAsync(instanceId, "Finished");

        run.SingleEntry("right").Str("outcome").Should().Be("Done");
        var left = run.SingleEntry("left");
        left.Str("outcome").Should().Be("Cancelled");
        left["completedAt"].Should().NotBeNull();
        run.SingleEntry("join").Seq().Should().BeGreaterThan(run.SingleEntry("right").Seq());
        run.SingleEntry("after");
        run.Bookmarks().Should().BeEmpty();
        (await _client.SendEventAsync("left", correlation)).Int("resumed").Should().Be(0);
    }

    [DatabaseTheory]
    [InlineData(5, "x", "y")]
    [InlineData(0, "y", "x")]
    public async Task Implicit_join_after_a_decision_runs_once_when_the_other_branch_is_dead(int n, string taken, string dead)
    {
        var id = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("dead-path"),
            [Start, Decision("d", "input.n > 1"), Log("x", "'x'"), Log("y", "'y'"), Log("j", "'joined'")],
            ["start -> d", "d.True -> x", "d.False -> y", "x -> j", "y -> j"]));

        var run = await _client.WaitForStatusAsync(await _client.RunAsync(id, new { n }), "Finished");

        run.JournalIds().Should().Equal("start", "d", taken, "j");
        run.JournalIds().Should().NotContain(dead);
    }

    [DatabaseFact]
    public async Task A_loop_that_waits_runs_once_per_event_and_keeps_its_counter()
    {
        var correlation = WorkflowCalls.NewId("loop");
        var id = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("loop"),
            [Start, Decision("check", "variables.count < 3"), WaitFor("wait", "tick"), SetVariable("inc", "count", "variables.count + 1"), Log("done", "'done ' + variables.count")],
            ["start -> check", "check.True -> wait", "wait -> inc", "inc -> check", "check.False -> done"],
            variables: new[] { new { name = "count", type = "Number", @default = 0 } }));
        var instanceId = await _client.RunAsync(id, correlationId: correlation);

        for (var i = 1; i <= 3; i++)
        {
            var expected = i - 1;
            await _client.WaitForAsync(instanceId, r => r["variables"]!["count"]!.GetValue<long>() == expected && r.Bookmarks().Any(b => b.Str("activityId") == "wait"),
                $"waiting in iteration {i}");
            (await _client.SendEventAsync("tick", correlation, new { i })).Int("resumed").Should().Be(1);
        }

        var run = await _client.WaitForStatusAsync(instanceId, "Finished");
        run["variables"]!["count"]!.GetValue<long>().Should().Be(3);
        var waits = run.EntriesOf("wait");
        waits.Should().HaveCount(3);
        waits.Select(w => w.Str("outcome")).Should().AllBe("Done");
        waits.Select(w => w.Int("attempt")).Should().Equal(1, 2, 3);
        waits.Select(w => w["outputs"]!["payload"]!["i"]!.GetValue<int>()).Should().Equal(1, 2, 3);
        run.EntriesOf("check").Should().HaveCount(4);
        run.EntriesOf("inc").Should().HaveCount(3);
        run.SingleEntry("done")["outputs"]!.Str("message").Should().Be("done 3");
    }

    [DatabaseFact]
    public async Task Expressions_read_input_variables_correlation_and_earlier_outputs()
    {
        var correlation = WorkflowCalls.NewId("expr");
        var id = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("expressions"),
            [Start, Log("greet", "variables.greeting + ', ' + input.person.name"), Log("echo", "outputs.greet.message + '! (' + correlation + ', ' + (input.count * 2) + ')'")],
            ["start -> greet", "greet -> echo"],
            variables: new[] { new { name = "greeting", type = "String", @default = "Hello" } }));

        var run = await _client.WaitForStatusAsync(await _client.RunAsync(id, new { person = new { name = "Ada" }, count = 21 }, correlation), "Finished");

        run.SingleEntry("greet")["outputs"]!.Str("message").Should().Be("Hello, Ada");
        run.SingleEntry("echo")["outputs"]!.Str("message").Should().Be($"Hello, Ada! ({correlation}, 42)");
    }

    [DatabaseFact]
    public async Task SetVariable_stores_literals_and_expression_results_in_the_runs_variables()
    {
        var id = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("setvariable"),
            [Start, SetVariable("total", "total", "variables.total + input.add"), Node("label", "SetVariable", new { name = "label", value = "done" }),
             SetVariable("tags", "tags", "['a', input.tag]")],
            ["start -> total", "total -> label", "label -> tags"],
            variables: new object[]
            {
                new { name = "total", type = "Number", @default = 1 },
                new { name = "label", type = "String" },
                new { name = "tags", type = "Array" },
            }));

        var run = await _client.WaitForStatusAsync(await _client.RunAsync(id, new { add = 41, tag = "b" }), "Finished");

        run["variables"]!["total"]!.GetValue<long>().Should().Be(42);
        run["variables"]!.Str("label").Should().Be("done");
        run["variables"]!["tags"].Strings().Should().Equal("a", "b");
    }

    [DatabaseFact]
    public async Task Fail_faults_the_run_with_its_message()
    {
        var id = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("fail"),
            [Start, Node("f", "Fail", new { message = Expr("'Boom ' + input.code") })],
            ["start -> f"]));

        var run = await _client.WaitForStatusAsync(await _client.RunAsync(id, new { code = 7 }), "Faulted");

        run["fault"]!.Str("activityId").Should().Be("f");
        run["fault"]!.Str("message").Should().Be("Boom 7");
        run["fault"]!.Int("attempt").Should().Be(1);
        var entry = run.SingleEntry("f");
        entry.Str("outcome").Should().Be("Failed");
        entry.Str("error").Should().Be("Boom 7");
        run["finishedAt"].Should().BeNull("a Faulted run can still be retried");
    }

    [DatabaseFact]
    public async Task A_runtime_expression_error_faults_with_message_and_position_and_retry_runs_the_step_again()
    {
        var id = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("expr-error"),
            [Start, Log("log", "input.nope")],
            ["start -> log"]));
        var instanceId = await _client.RunAsync(id, new { yes = 1 });

        var faulted = await _client.WaitForStatusAsync(instanceId, "Faulted");

        const string expected = "The expression of input 'message' failed at line 1, column 7: Cannot get member with name nope.";
        faulted["fault"]!.Str("message").Should().Be(expected);
        faulted["fault"]!.Str("activityId").Should().Be("log");
        var first = faulted.SingleEntry("log");
        first.Str("error").Should().Be(expected);
        first.Int("attempt").Should().Be(1);
        (await _client.GetInstanceAsync(instanceId)).Status().Should().Be("Faulted", "a faulted run stays inspectable");

        await (await _client.RetryAsync(instanceId)).ShouldBeAsync(HttpStatusCode.Accepted);
        var retried = await _client.WaitForAsync(instanceId, i => i.Status() == "Faulted" && i["fault"]!.Int("attempt") == 2, "the retried step faulting again");

        var entries = retried.EntriesOf("log");
        entries.Select(e => e.Int("attempt")).Should().Equal(1, 2);
        entries.Select(e => e.Str("error")).Should().AllBe(expected);
        retried["fault"]!.Int("attempt").Should().Be(2);
        retried.EntriesOf("start").Should().ContainSingle("retry resumes at the failed step, not from Start");
    }

    [DatabaseFact]
    public async Task A_connected_Failed_port_routes_the_failure_instead_of_faulting_the_run()
    {
        var id = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("failed-port"),
            [Start, Log("log", "input.nope"), Log("ok", "'ok'"), Log("handler", "'handled: ' + outputs.log.error")],
            ["start -> log", "log -> ok", "log.Failed -> handler"]));

        var run = await _client.WaitForStatusAsync(await _client.RunAsync(id), "Finished");

        run.SingleEntry("log").Str("outcome").Should().Be("Failed");
        run.SingleEntry("log").Str("error").Should().Contain("Cannot get member with name nope");
        run.SingleEntry("handler")["outputs"]!.Str("message").Should().StartWith("handled: The expression of input 'message' failed");
        run.JournalIds().Should().NotContain("ok");
        run["fault"].Should().BeNull();
    }

    [DatabaseFact]
    public async Task A_retry_policy_runs_a_failing_activity_up_to_max_attempts_then_faults()
    {
        var id = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("retry-policy"),
            [Start, Node("f", "Fail", new { message = "flaky" }, retry: new { maxAttempts = 3, backoffSeconds = 0 })],
            ["start -> f"]));

        var run = await _client.WaitForStatusAsync(await _client.RunAsync(id), "Faulted");

        var entries = run.EntriesOf("f");
        entries.Should().HaveCount(3);
        entries.Select(e => e.Int("attempt")).Should().Equal(1, 2, 3);
        entries.Should().AllSatisfy(e => { e.Str("error").Should().Be("flaky"); e.Str("outcome").Should().Be("Failed"); });
        run["fault"]!.Int("attempt").Should().Be(3);
        run["fault"]!.Str("message").Should().Be("flaky");
    }

    [DatabaseFact]
    public async Task A_retry_policy_with_a_connected_Failed_port_routes_there_after_the_last_attempt()
    {
        var id = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("retry-routed"),
            [Start, Node("f", "Fail", new { message = "flaky" }, retry: new { maxAttempts = 3, backoffSeconds = 0 }), Log("handler", "'after ' + outputs.f.error")],
            ["start -> f", "f.Failed -> handler"]));

        var run = await _client.WaitForStatusAsync(await _client.RunAsync(id), "Finished");

        run.EntriesOf("f").Select(e => e.Int("attempt")).Should().Equal(1, 2, 3);
        run.EntriesOf("f").Should().AllSatisfy(e => e.Str("error").Should().Be("flaky"));
        run.SingleEntry("handler").Seq().Should().BeGreaterThan(run.EntriesOf("f")[2].Seq());
        run.SingleEntry("handler")["outputs"]!.Str("message").Should().Be("after flaky");
    }

    [DatabaseFact]
    public async Task A_retry_backoff_waits_between_attempts()
    {
        var id = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("retry-backoff"),
            [Start, Node("f", "Fail", new { message = "flaky" }, retry: new { maxAttempts = 2, backoffSeconds = 0.5 })],
            ["start -> f"]));

        var run = await _client.WaitForStatusAsync(await _client.RunAsync(id), "Faulted");

        var entries = run.EntriesOf("f");
        entries.Select(e => e.Int("attempt")).Should().Equal(1, 2);
        var gap = entries[1]["startedAt"]!.GetValue<DateTimeOffset>() - entries[0]["completedAt"]!.GetValue<DateTimeOffset>();
        gap.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(480));
    }
}

public sealed class FlowSemanticsOnSqlite(SqliteServerFixture fixture) : FlowSemanticsTests(fixture), IClassFixture<SqliteServerFixture>;

public sealed class FlowSemanticsOnPostgreSql(PostgreSqlServerFixture fixture) : FlowSemanticsTests(fixture), IClassFixture<PostgreSqlServerFixture>, IRunsOnPostgreSql;
