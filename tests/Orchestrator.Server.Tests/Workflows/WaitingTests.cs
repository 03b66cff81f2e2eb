using System.Diagnostics;
using System.Net;
using Orchestrator.Server.Tests.Api;
using Orchestrator.Server.Tests.Hosting;
using static Orchestrator.Server.Tests.Workflows.DefinitionJson;

namespace Orchestrator.Server.Tests.Workflows;

/// <summary>Runs that wait: for events (correlation, early arrival, de-duplication), for time, and for people (approvals).</summary>
public abstract class WaitingTests(ServerFixture fixture)
{
    private readonly HttpClient _client = fixture.Enabled ? fixture.Client : new HttpClient();

    [DatabaseFact]
    public async Task WaitForEvent_is_resumed_by_an_event_with_the_runs_correlation_id_and_its_payload_becomes_the_output()
    {
        var correlation = WorkflowCalls.NewId("inc");
        var id = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("wait-event"),
            [Start, WaitFor("w", "approved"), Log("after", "'by ' + outputs.w.payload.by")],
            ["start -> w", "w -> after"]));
        var instanceId = await _client.RunAsync(id, correlationId: correlation);

        var waiting = await _client.WaitForBookmarkAsync(instanceId, "w");
        waiting.Status().Should().Be("Suspended");
        var bookmark = waiting.Bookmarks().Single();
        bookmark.Str("kind").Should().Be("Event");
        bookmark.Str("name").Should().Be("approved");
        bookmark.Str("correlationId").Should().Be(correlation);
        waiting.SingleEntry("w")["outcome"].Should().BeNull("the wait is still open");

        var sent = await _client.SendEventAsync("approved", correlation, new { by = "erin", level = 2 });
        sent.Int("resumed").Should().Be(1);
        sent.Int("started").Should().Be(0);
        sent["duplicate"]!.GetValue<bool>().Should().BeFalse();

        var run = await _client.WaitForStatusAsync(instanceId, "Finished");
        var wait = run.SingleEntry("w");
        wait.Str("outcome").Should().Be("Done");
        wait["outputs"]!["payload"]!.Str("by").Should().Be("erin");
        wait["outputs"]!["payload"]!.Int("level").Should().Be(2);
        run.SingleEntry("after")["outputs"]!.Str("message").Should().Be("by erin");
        run.Bookmarks().Should().BeEmpty();
    }

    [DatabaseFact]
    public async Task An_event_for_another_correlation_id_does_not_resume_the_wait()
    {
        var correlation = WorkflowCalls.NewId("mine");
        var id = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("wait-other"),
            [Start, WaitFor("w", "approved")],
            ["start -> w"]));
        var instanceId = await _client.RunAsync(id, correlationId: correlation);
        await _client.WaitForBookmarkAsync(instanceId, "w");

        var other = await _client.SendEventAsync("approved", WorkflowCalls.NewId("theirs"), new { by = "mallory" });
        var none = await _client.SendEventAsync("approved", null, new { by = "nobody" });

        other.Int("resumed").Should().Be(0);
        none.Int("resumed").Should().Be(0);
        await fixture.Server.WhenIdleAsync();
        var still = await _client.GetInstanceAsync(instanceId);
        still.Status().Should().Be("Suspended");
        still.Bookmarks().Should().ContainSingle(b => b.Str("activityId") == "w");

        (await _client.SendEventAsync("approved", correlation, new { by = "erin" })).Int("resumed").Should().Be(1);
        var run = await _client.WaitForStatusAsync(instanceId, "Finished");
        run.SingleEntry("w")["outputs"]!["payload"]!.Str("by").Should().Be("erin");
    }

    [DatabaseFact]
    public async Task An_event_sent_before_the_wait_exists_is_kept_and_delivered_when_the_wait_appears()
    {
        var correlation = WorkflowCalls.NewId("early");
        var id = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("wait-early"),
            [Start, Node("delay", "Delay", new { seconds = 1 }), WaitFor("w", "early")],
            ["start -> delay", "delay -> w"]));
        var instanceId = await _client.RunAsync(id, correlationId: correlation);

        var sent = await _client.SendEventAsync("early", correlation, new { note = "came first" });

        sent.Int("resumed").Should().Be(0);
        sent["kept"]!.GetValue<bool>().Should().BeTrue();
        var run = await _client.WaitForStatusAsync(instanceId, "Finished");
        run.SingleEntry("w")["outputs"]!["payload"]!.Str("note").Should().Be("came first");
        run.SingleEntry("w")["startedAt"]!.GetValue<DateTimeOffset>().Should().BeAfter(run.SingleEntry("delay")["startedAt"]!.GetValue<DateTimeOffset>());
    }

    [DatabaseFact]
    public async Task A_repeated_delivery_id_is_a_duplicate_and_not_consumed_by_the_next_wait_of_a_loop()
    {
        var correlation = WorkflowCalls.NewId("dedup");
        var deliveryId = WorkflowCalls.NewId("delivery");
        var id = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("wait-dedup"),
            [Start, WaitFor("w", "ping"), SetVariable("inc", "n", "variables.n + 1"), Decision("more", "variables.n < 2"), Log("done", "'done'")],
            ["start -> w", "w -> inc", "inc -> more", "more.True -> w", "more.False -> done"],
            variables: new[] { new { name = "n", type = "Number", @default = 0 } }));
        var instanceId = await _client.RunAsync(id, correlationId: correlation);
        await _client.WaitForBookmarkAsync(instanceId, "w");

        var first = await _client.SendEventAsync("ping", correlation, new { seq = 1 }, deliveryId);
        var second = await _client.SendEventAsync("ping", correlation, new { seq = 2 }, deliveryId);

        first.Int("resumed").Should().Be(1);
        first["duplicate"]!.GetValue<bool>().Should().BeFalse();
        second["duplicate"]!.GetValue<bool>().Should().BeTrue();
        second.Int("resumed").Should().Be(0);
        second["kept"]!.GetValue<bool>().Should().BeFalse("a duplicate is dropped, not kept for a later wait");
        await _client.WaitForAsync(instanceId, i => i["variables"]!["n"]!.GetValue<long>() == 1 && i.Bookmarks().Count == 1, "the loop waiting again");
        await fixture.Server.WhenIdleAsync();
        var again = await _client.GetInstanceAsync(instanceId);
        again["variables"]!["n"]!.GetValue<long>().Should().Be(1, "the duplicate must not resume the loop's next wait");
        again.EntriesOf("w").Should().HaveCount(2);
        again.EntriesOf("w")[1]["outcome"].Should().BeNull();

        (await _client.SendEventAsync("ping", correlation, new { seq = 3 }, WorkflowCalls.NewId("delivery"))).Int("resumed").Should().Be(1);
        var run = await _client.WaitForStatusAsync(instanceId, "Finished");
        run["variables"]!["n"]!.GetValue<long>().Should().Be(2);
        run.EntriesOf("w").Select(e => e["outputs"]!["payload"]!.Int("seq")).Should().Equal(1, 3);
    }

    [DatabaseFact]
    public async Task Delay_of_one_second_suspends_on_a_timer_then_finishes_after_at_least_one_second()
    {
        var id = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("delay"),
            [Start, Node("delay", "Delay", new { seconds = 1 }), Log("after", "'after'")],
            ["start -> delay", "delay -> after"]));
        var clock = Stopwatch.StartNew();
        var instanceId = await _client.RunAsync(id);

        var waiting = await _client.WaitForBookmarkAsync(instanceId, "delay");
        var timer = waiting.Bookmarks().Single();
        timer.Str("kind").Should().Be("Timer");
        timer["dueAt"].Should().NotBeNull();
        var run = await _client.WaitForStatusAsync(instanceId, "Finished", TimeSpan.FromSeconds(5));

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
        var delay = run.SingleEntry("delay");
        var waited = delay["completedAt"]!.GetValue<DateTimeOffset>() - delay["startedAt"]!.GetValue<DateTimeOffset>();
        waited.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1));
        (run["finishedAt"]!.GetValue<DateTimeOffset>() - run["createdAt"]!.GetValue<DateTimeOffset>()).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1));
        run.SingleEntry("after").Str("outcome").Should().Be("Done");
    }

    [DatabaseFact]
    public async Task Approval_is_listed_and_a_Reject_decision_follows_the_Reject_port_with_the_decision_outputs()
    {
        var id = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("approval"),
            [Start, Node("ap", "Approval", new { title = Expr("'Restart ' + input.host"), assignees = new[] { "ops-lead", "erin" } }),
             Log("yes", "'approved'"), Log("no", "outputs.ap.decision + '|' + outputs.ap.comment + '|' + outputs.ap.decidedBy")],
            ["start -> ap", "ap.Approve -> yes", "ap.Reject -> no"]));
        var instanceId = await _client.RunAsync(id, new { host = "db-1" });

        var approval = await _client.WaitForApprovalAsync(instanceId);
        approval.Str("title").Should().Be("Restart db-1");
        approval["assignees"].Strings().Should().Equal("ops-lead", "erin");
        approval["options"].Strings().Should().Equal("Approve", "Reject");
        approval.Str("status").Should().Be("Pending");
        approval.Str("definitionId").Should().Be(id);
        approval.Str("activityId").Should().Be("ap");
        (await _client.ListApprovalsAsync("?status=Pending")).Should().Contain(a => a.Id() == approval.Id());

        await (await _client.DecideAsync(approval.Id(), "Reject", "not during business hours")).ShouldBeAsync(HttpStatusCode.Accepted);
        var run = await _client.WaitForStatusAsync(instanceId, "Finished");

        var entry = run.SingleEntry("ap");
        entry.Str("outcome").Should().Be("Reject");
        entry["outputs"]!.Str("decision").Should().Be("Reject");
        entry["outputs"]!.Str("comment").Should().Be("not during business hours");
        entry["outputs"]!.Str("decidedBy").Should().Be("anonymous");
        run.SingleEntry("no")["outputs"]!.Str("message").Should().Be("Reject|not during business hours|anonymous");
        run.JournalIds().Should().NotContain("yes");
        (await _client.ListApprovalsAsync()).Should().NotContain(a => a.Id() == approval.Id());
    }

    [DatabaseFact]
    public async Task Approval_with_custom_options_routes_to_the_chosen_option()
    {
        var id = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("approval-options"),
            [Start, Node("ap", "Approval", new { title = "Next step?", assignees = new[] { "erin" }, options = new[] { "Restart", "Escalate" } }),
             Log("restart", "'restart'"), Log("escalate", "'escalate'")],
            ["start -> ap", "ap.Restart -> restart", "ap.Escalate -> escalate"]));
        var instanceId = await _client.RunAsync(id);
        var approval = await _client.WaitForApprovalAsync(instanceId);
        approval["options"].Strings().Should().Equal("Restart", "Escalate");

        await (await _client.DecideAsync(approval.Id(), "Escalate")).ShouldBeAsync(HttpStatusCode.Accepted);

        var run = await _client.WaitForStatusAsync(instanceId, "Finished");
        run.SingleEntry("ap").Str("outcome").Should().Be("Escalate");
        run.JournalIds().Should().Equal("start", "ap", "escalate");
    }

    [DatabaseFact]
    public async Task An_unknown_decision_is_a_400_naming_decision_and_the_approval_stays_pending()
    {
        var id = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("approval-bad"),
            [Start, Node("ap", "Approval", new { title = "Go?", assignees = new[] { "erin" } })],
            ["start -> ap"]));
        var instanceId = await _client.RunAsync(id);
        var approval = await _client.WaitForApprovalAsync(instanceId);

        var problem = await (await _client.DecideAsync(approval.Id(), "Maybe")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.Str("field").Should().Be("decision");
        problem["errors"]!["decision"].Should().NotBeNull();
        problem.Str("detail").Should().Contain("Approve").And.Contain("Reject");
        (await _client.ListApprovalsAsync()).Should().Contain(a => a.Id() == approval.Id());
        (await _client.GetInstanceAsync(instanceId)).Status().Should().Be("Suspended");
    }

    [DatabaseFact]
    public async Task An_approval_nobody_decides_in_time_follows_TimedOut()
    {
        var id = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("approval-timeout"),
            [Start, Node("ap", "Approval", new { title = "Quick!", assignees = new[] { "erin" }, timeoutSeconds = 1 }),
             Log("yes", "'approved'"), Log("late", "'timed out'")],
            ["start -> ap", "ap.Approve -> yes", "ap.TimedOut -> late"]));
        var instanceId = await _client.RunAsync(id);
        var approval = await _client.WaitForApprovalAsync(instanceId);
        approval["dueAt"].Should().NotBeNull();

        var run = await _client.WaitForStatusAsync(instanceId, "Finished", TimeSpan.FromSeconds(6));

        run.SingleEntry("ap").Str("outcome").Should().Be("TimedOut");
        run.JournalIds().Should().Equal("start", "ap", "late");
        (await _client.ListApprovalsAsync()).Should().NotContain(a => a.Id() == approval.Id());
        await (await _client.DecideAsync(approval.Id(), "Approve")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task Deciding_an_approval_twice_is_a_404_the_second_time()
    {
        var id = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("approval-twice"),
            [Start, Node("ap", "Approval", new { title = "Go?", assignees = new[] { "erin" } }), Log("yes", "'yes'"), Log("no", "'no'")],
            ["start -> ap", "ap.Approve -> yes", "ap.Reject -> no"]));
        var instanceId = await _client.RunAsync(id);
        var approval = await _client.WaitForApprovalAsync(instanceId);

        await (await _client.DecideAsync(approval.Id(), "Approve")).ShouldBeAsync(HttpStatusCode.Accepted);
        await (await _client.DecideAsync(approval.Id(), "Reject")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var run = await _client.WaitForStatusAsync(instanceId, "Finished");
        run.JournalIds().Should().Equal("start", "ap", "yes");
        await (await _client.DecideAsync(approval.Id(), "Reject")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class WaitingOnSqlite(SqliteServerFixture fixture) : WaitingTests(fixture), IClassFixture<SqliteServerFixture>;

public sealed class WaitingOnPostgreSql(PostgreSqlServerFixture fixture) : WaitingTests(fixture), IClassFixture<PostgreSqlServerFixture>, IRunsOnPostgreSql;
