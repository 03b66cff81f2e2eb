using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Orchestrator.Server.Tests.Api;
using Orchestrator.Server.Tests.Hosting;
using static Orchestrator.Server.Tests.Workflows.DefinitionJson;
using Orchestrator.Tests.Shared;

namespace Orchestrator.Server.Tests.Workflows;

/// <summary>What happens to runs from outside: cancel, retry, versions, child workflows, triggers and bad requests.</summary>
public abstract class LifecycleTests(ServerFixture fixture)
{
    private readonly HttpClient _client = fixture.Enabled ? fixture.Client : new HttpClient();

    // ---- cancel, retry, not found ----

    [DatabaseFact]
    public async Task Cancelling_a_waiting_run_removes_its_bookmark_and_closes_the_open_journal_entry_as_Cancelled()
    {
        var correlation = WorkflowCalls.NewId("cancel");
        var id = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("cancel"),
            [Start, WaitFor("w", "go"), Log("after", "'after'")],
            ["start -> w", "w -> after"]));
        var instanceId = await _client.RunAsync(id, correlationId: correlation);
        await _client.WaitForBookmarkAsync(instanceId, "w");

        await (await _client.CancelAsync(instanceId)).ShouldBeAsync(HttpStatusCode.Accepted);
        var run = await _client.WaitForStatusAsync(instanceId, "Cancelled");

        run.Bookmarks().Should().BeEmpty();
        var wait = run.SingleEntry("w");
        wait.Str("outcome").Should().Be("Cancelled");
        wait["completedAt"].Should().NotBeNull();
        run["finishedAt"].Should().NotBeNull();
        (await _client.SendEventAsync("go", correlation)).Int("resumed").Should().Be(0);
        await fixture.Server.WhenIdleAsync();
        (await _client.GetInstanceAsync(instanceId)).JournalIds().Should().NotContain("after");
    }

    [DatabaseFact]
    public async Task Cancelling_a_run_awaiting_approval_withdraws_the_approval()
    {
        var id = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("cancel-approval"),
            [Start, Node("ap", "Approval", new { title = "Go?", assignees = new[] { "erin" } })],
            ["start -> ap"]));
        var instanceId = await _client.RunAsync(id);
        var approval = await _client.WaitForApprovalAsync(instanceId);

        await (await _client.CancelAsync(instanceId)).ShouldBeAsync(HttpStatusCode.Accepted);

        var run = await _client.WaitForStatusAsync(instanceId, "Cancelled");
        run.SingleEntry("ap").Str("outcome").Should().Be("Cancelled");
        (await _client.ListApprovalsAsync()).Should().NotContain(a => a.Id() == approval.Id());
        await (await _client.DecideAsync(approval.Id(), "Approve")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task Cancelling_a_finished_run_is_a_409()
    {
        var instanceId = await RunToEndAsync();

        var problem = await ShouldBeConflictAsync(await _client.CancelAsync(instanceId));

        problem.Str("detail").Should().Contain("Finished");
        (await _client.GetInstanceAsync(instanceId)).Status().Should().Be("Finished");
    }

    [DatabaseFact]
    public async Task Retrying_a_run_that_is_not_faulted_is_a_409()
    {
        var finished = await RunToEndAsync();
        await ShouldBeConflictAsync(await _client.RetryAsync(finished));

        var id = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("retry-waiting"), [Start, WaitFor("w", "go")], ["start -> w"]));
        var waiting = await _client.RunAsync(id, correlationId: WorkflowCalls.NewId("retry"));
        await _client.WaitForBookmarkAsync(waiting, "w");
        await ShouldBeConflictAsync(await _client.RetryAsync(waiting));
        (await _client.GetInstanceAsync(waiting)).Status().Should().Be("Suspended");
    }

    [DatabaseFact]
    public async Task Reading_a_run_shows_one_moment_of_it_never_a_mix_of_before_and_after_a_turn()
    {
        // Each turn commits the state (status, variables, bookmarks) and the journal together, so a read must never see
        // the variable of one turn beside the journal or bookmarks of the next.
        const int iterations = 12;
        var correlation = WorkflowCalls.NewId("snapshot");
        var id = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("snapshot"),
            [Start, WaitFor("w", "tick"), SetVariable("inc", "n", "variables.n + 1"), Decision("more", $"variables.n < {iterations}")],
            ["start -> w", "w -> inc", "inc -> more", "more.True -> w"],
            variables: new[] { new { name = "n", type = "Number", @default = 0 } }));
        var instanceId = await _client.RunAsync(id, correlationId: correlation);
        await _client.WaitForBookmarkAsync(instanceId, "w");

        using var stop = new CancellationTokenSource();
        var mixed = new List<string>();
        var reads = 0;
        var reader = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var run = await _client.GetInstanceAsync(instanceId);
                reads++;
                var n = run["variables"]!["n"]!.GetValue<long>();
                var increments = run.EntriesOf("inc").Count;
                if (n != increments || (run.Bookmarks().Count > 0 && run.Status() != "Suspended"))
                {
                    mixed.Add($"status {run.Status()}, variables.n {n}, {increments} inc entries, {run.Bookmarks().Count} bookmarks");
                }
            }
        });
        for (var i = 1; i <= iterations; i++)
        {
            var expected = i - 1;
            await _client.WaitForAsync(instanceId, r => r["variables"]!["n"]!.GetValue<long>() == expected && r.Status() == "Suspended", $"iteration {i}");
            await _client.SendEventAsync("tick", correlation);
        }

        await _client.WaitForStatusAsync(instanceId, "Finished");
        await stop.CancelAsync();
        await reader;

        reads.Should().BeGreaterThan(iterations);
        mixed.Should().BeEmpty("GET /api/workflow-instances/{{id}} should read status, variables, bookmarks and journal as of one commit; of {0} reads these mixed two moments: {1}",
            reads, string.Join("; ", mixed));
    }

    [DatabaseFact]
    public async Task An_unknown_run_is_a_404_for_get_cancel_and_retry()
    {
        var unknown = WorkflowCalls.NewId("nope");

        await (await _client.GetAsync($"/api/workflow-instances/{unknown}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await _client.CancelAsync(unknown)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await _client.RetryAsync(unknown)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    // ---- versions ----

    [DatabaseFact]
    public async Task A_waiting_run_finishes_on_its_own_version_while_new_runs_use_the_newly_published_one()
    {
        var definitionId = WorkflowCalls.NewId("versioned");
        var correlation = WorkflowCalls.NewId("v1");
        await _client.PublishDefinitionAsync(Definition(definitionId,
            [Start, WaitFor("w1", "go"), Log("a1", "'v1 ' + workflow.version")],
            ["start -> w1", "w1 -> a1"]));
        var oldRun = await _client.RunAsync(definitionId, correlationId: correlation);
        await _client.WaitForBookmarkAsync(oldRun, "w1");

        var saved = await (await _client.PutAsync($"/api/workflow-definitions/{definitionId}", Json(Definition(definitionId,
            [Start, Log("b2", "'v2 ' + workflow.version")],
            ["start -> b2"])))).ShouldBeAsync(HttpStatusCode.OK);
        saved.Int("version").Should().Be(2);
        saved["isPublished"]!.GetValue<bool>().Should().BeFalse();
        (await _client.PublishAsync(definitionId)).Int("version").Should().Be(2);
        var versions = (await (await _client.GetAsync($"/api/workflow-definitions/{definitionId}/versions")).ShouldBeAsync(HttpStatusCode.OK)).AsArray();
        versions.Select(v => (v!.Int("version"), v!["isPublished"]!.GetValue<bool>())).Should().Equal((1, false), (2, true));

        var newRun = await _client.WaitForStatusAsync(await _client.RunAsync(definitionId), "Finished");
        newRun.Int("version").Should().Be(2);
        newRun.JournalIds().Should().Equal("start", "b2");
        newRun.SingleEntry("b2")["outputs"]!.Str("message").Should().Be("v2 2");

        (await _client.SendEventAsync("go", correlation)).Int("resumed").Should().Be(1);
        var old = await _client.WaitForStatusAsync(oldRun, "Finished");
        old.Int("version").Should().Be(1);
        old.JournalIds().Should().Equal("start", "w1", "a1");
        old.SingleEntry("a1")["outputs"]!.Str("message").Should().Be("v1 1");
    }

    [DatabaseFact]
    public async Task A_draft_saved_with_If_Match_of_a_version_that_is_no_longer_the_latest_is_a_409_and_saves_nothing()
    {
        var definitionId = await _client.CreateDefinitionAsync(Definition(WorkflowCalls.NewId("if-match"), [Start, Log("a", "'1'")], ["start -> a"]));
        var read = await _client.GetAsync($"/api/workflow-definitions/{definitionId}");
        read.Headers.ETag!.Tag.Should().Be("\"1\"", "the version an editor opens is the one it sends back in If-Match");
        await (await _client.PutAsync($"/api/workflow-definitions/{definitionId}", Json(Definition(definitionId, [Start, Log("a", "'2'")], ["start -> a"]))))
            .ShouldBeAsync(HttpStatusCode.OK);

        using var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/workflow-definitions/{definitionId}")
        {
            Content = Json(Definition(definitionId, [Start, Log("a", "'3'")], ["start -> a"])),
        };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        var problem = await (await _client.SendAsync(stale)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.Str("detail").Should().Contain("Version 2").And.Contain("version 1");
        (await (await _client.GetAsync($"/api/workflow-definitions/{definitionId}/versions")).ShouldBeAsync(HttpStatusCode.OK)).AsArray().Should().HaveCount(2);

        using var current = new HttpRequestMessage(HttpMethod.Put, $"/api/workflow-definitions/{definitionId}")
        {
            Content = Json(Definition(definitionId, [Start, Log("a", "'3'")], ["start -> a"])),
        };
        current.Headers.TryAddWithoutValidation("If-Match", "\"2\"");
        (await (await _client.SendAsync(current)).ShouldBeAsync(HttpStatusCode.OK)).Int("version").Should().Be(3);
    }

    [DatabaseFact]
    public async Task A_draft_version_runs_when_asked_for_by_number_and_an_unknown_version_is_a_404()
    {
        var definitionId = await _client.CreateDefinitionAsync(Definition(WorkflowCalls.NewId("run-draft"), [Start, Log("a", "'draft ' + workflow.version")], ["start -> a"]));

        var started = await _client.PostAsJsonAsync($"/api/workflow-definitions/{definitionId}/run", new { input = new { }, version = 1 });
        var run = await _client.WaitForStatusAsync((await started.ShouldBeAsync(HttpStatusCode.Accepted)).Str("instanceId")!, "Finished");

        run.SingleEntry("a")["outputs"]!.Str("message").Should().Be("draft 1");
        await (await _client.PostAsJsonAsync($"/api/workflow-definitions/{definitionId}/run", new { version = 7 })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await _client.StartRunAsync(definitionId)).ShouldBeProblemAsync(HttpStatusCode.Conflict); // without a version: the published one, and there is none
    }

    // ---- child workflows ----

    [DatabaseFact]
    public async Task RunWorkflow_with_wait_suspends_the_parent_until_the_child_finishes_and_returns_its_status_and_variables()
    {
        var correlation = WorkflowCalls.NewId("parent");
        var childId = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("child"),
            [Start, WaitFor("w", "child-go"), SetVariable("set", "result", "'child of ' + input.who")],
            ["start -> w", "w -> set"],
            variables: new[] { new { name = "result", type = "String" } }));
        var parentId = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("parent"),
            [Start, Node("run", "RunWorkflow", new { definitionId = childId, input = new { who = "ada" }, wait = true }),
             Log("after", "outputs.run.status + ': ' + outputs.run.variables.result")],
            ["start -> run", "run -> after"]));
        var parent = await _client.RunAsync(parentId, correlationId: correlation);

        var child = await WaitForChildAsync(childId, correlation);
        var waitingChild = await _client.WaitForBookmarkAsync(child, "w");
        waitingChild.Str("parentInstanceId").Should().Be(parent);
        waitingChild.Str("correlationId").Should().Be(correlation);
        waitingChild["input"]!.Str("who").Should().Be("ada");
        var waitingParent = await _client.WaitForBookmarkAsync(parent, "run");
        waitingParent.Status().Should().Be("Suspended");
        waitingParent.JournalIds().Should().NotContain("after");

        (await _client.SendEventAsync("child-go", correlation)).Int("resumed").Should().Be(1);

        var done = await _client.WaitForStatusAsync(parent, "Finished");
        var outputs = done.SingleEntry("run")["outputs"]!;
        outputs.Str("status").Should().Be("Finished");
        outputs.Str("instanceId").Should().Be(child);
        outputs["variables"]!.Str("result").Should().Be("child of ada");
        done.SingleEntry("after")["outputs"]!.Str("message").Should().Be("Finished: child of ada");
        (await _client.GetInstanceAsync(child)).Status().Should().Be("Finished");
    }

    [DatabaseFact]
    public async Task RunWorkflow_without_wait_lets_the_parent_go_on_while_the_child_runs()
    {
        var correlation = WorkflowCalls.NewId("fire");
        var childId = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("child-nowait"),
            [Start, WaitFor("w", "child-go"), Log("done", "'child done'")],
            ["start -> w", "w -> done"]));
        var parentId = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("parent-nowait"),
            [Start, Node("run", "RunWorkflow", new { definitionId = childId, wait = false }), Log("after", "'parent went on: ' + outputs.run.status")],
            ["start -> run", "run -> after"]));

        var parent = await _client.WaitForStatusAsync(await _client.RunAsync(parentId, correlationId: correlation), "Finished");

        var outputs = parent.SingleEntry("run")["outputs"]!;
        outputs.Str("status").Should().Be("Running");
        var child = outputs.Str("instanceId");
        child.Should().NotBeNullOrEmpty();
        parent.SingleEntry("after")["outputs"]!.Str("message").Should().Be("parent went on: Running");
        await _client.WaitForBookmarkAsync(child, "w");
        (await _client.SendEventAsync("child-go", correlation)).Int("resumed").Should().Be(1);
        var finishedChild = await _client.WaitForStatusAsync(child, "Finished");
        finishedChild.JournalIds().Should().Equal("start", "w", "done");
        finishedChild.Str("correlationId").Should().Be(correlation);
    }

    [DatabaseFact]
    public async Task RunWorkflow_with_wait_faults_the_parent_when_the_child_faults()
    {
        var childId = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("child-fails"),
            [Start, Node("f", "Fail", new { message = "disk full" })],
            ["start -> f"]));
        var parentId = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("parent-of-failing"),
            [Start, Node("run", "RunWorkflow", new { definitionId = childId, wait = true }), Log("after", "'never'")],
            ["start -> run", "run -> after"]));

        var run = await _client.WaitForStatusAsync(await _client.RunAsync(parentId), "Faulted");

        run["fault"]!.Str("activityId").Should().Be("run");
        run["fault"]!.Str("message").Should().Contain("Faulted").And.Contain("disk full");
        run.JournalIds().Should().NotContain("after");
    }

    [DatabaseFact]
    public async Task RunWorkflow_with_wait_faults_the_parent_when_the_child_is_cancelled()
    {
        var correlation = WorkflowCalls.NewId("cancelled-child");
        var childId = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("child-cancelled"),
            [Start, WaitFor("w", "never")],
            ["start -> w"]));
        var parentId = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("parent-of-cancelled"),
            [Start, Node("run", "RunWorkflow", new { definitionId = childId, input = Expr("{ who: input.name }") })],
            ["start -> run"]));
        var parent = await _client.RunAsync(parentId, new { name = "ada" }, correlation);
        var child = await WaitForChildAsync(childId, correlation);
        (await _client.WaitForBookmarkAsync(child, "w"))["input"]!.Str("who").Should().Be("ada");

        await (await _client.CancelAsync(child)).ShouldBeAsync(HttpStatusCode.Accepted);

        var run = await _client.WaitForStatusAsync(parent, "Faulted");
        run["fault"]!.Str("message").Should().Contain(child).And.Contain("cancelled");
    }

    [DatabaseFact]
    public async Task RunWorkflow_of_an_unpublished_definition_faults_the_parent_saying_so()
    {
        var draftId = await _client.CreateDefinitionAsync(Definition(WorkflowCalls.NewId("draft-child"), [Start], []));
        var parentId = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("parent-bad"),
            [Start, Node("run", "RunWorkflow", new { definitionId = draftId }), Log("after", "'never'")],
            ["start -> run", "run -> after"]));

        var run = await _client.WaitForStatusAsync(await _client.RunAsync(parentId), "Faulted");

        run["fault"]!.Str("activityId").Should().Be("run");
        run["fault"]!.Str("message").Should().Contain($"No published workflow '{draftId}'");
        run.SingleEntry("run").Str("error").Should().Contain(draftId);
        run.JournalIds().Should().NotContain("after");
        (await _client.ListInstancesAsync($"definitionId={draftId}")).Int("total").Should().Be(0);
    }

    // ---- triggers ----

    [DatabaseFact]
    public async Task A_trigger_starts_its_workflow_for_a_matching_event_only()
    {
        var definitionId = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("triggered"),
            [Start, Log("log", "'P' + input.priority")],
            ["start -> log"],
            triggers: new[] { new { @event = "incident.created", filter = "input.priority <= 2" } }));
        var correlation = WorkflowCalls.NewId("inc");

        var matching = await _client.SendEventAsync("incident.created", correlation, new { priority = 1 });

        matching.Int("started").Should().Be(1);
        var instanceId = matching["instanceIds"]!.AsArray().Single()!.GetValue<string>();
        var run = await _client.WaitForStatusAsync(instanceId, "Finished");
        run.Str("definitionId").Should().Be(definitionId);
        run.Str("correlationId").Should().Be(correlation);
        run["input"]!.Int("priority").Should().Be(1);
        run.SingleEntry("log")["outputs"]!.Str("message").Should().Be("P1");

        var other = WorkflowCalls.NewId("inc");
        var notMatching = await _client.SendEventAsync("incident.created", other, new { priority = 4 });

        notMatching.Int("started").Should().Be(0);
        (await _client.ListInstancesAsync($"definitionId={definitionId}")).Int("total").Should().Be(1);
    }

    [DatabaseFact]
    public async Task The_event_that_starts_a_triggered_run_is_not_also_delivered_to_that_runs_own_wait_for_the_next_one()
    {
        // "A second alert for the same service within the window escalates": started by one alert, waiting for the next.
        var eventName = WorkflowCalls.NewId("alert.fired");
        var definitionId = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("second-alert"),
            [Start, WaitFor("again", eventName), Log("escalate", "'escalate after alert ' + outputs.again.payload.seq")],
            ["start -> again", "again -> escalate"],
            triggers: new[] { new { @event = eventName } }));
        var correlation = WorkflowCalls.NewId("svc");

        var first = await _client.SendEventAsync(eventName, correlation, new { seq = 1 });

        first.Int("started").Should().Be(1);
        first["kept"]!.GetValue<bool>().Should().BeFalse();
        var instanceId = first["instanceIds"]!.AsArray().Single()!.GetValue<string>();
        await _client.WaitForAsync(instanceId, i => i.EntriesOf("again").Count > 0, "the run reaching its wait");
        await fixture.Server.WhenIdleAsync();
        var waiting = await _client.GetInstanceAsync(instanceId);
        waiting.Status().Should().Be("Suspended", "the alert that started the run must not count as the second alert; the run is:\n{0}", waiting.ToJsonString());

        var second = await _client.SendEventAsync(eventName, correlation, new { seq = 2 });
        second.Int("resumed").Should().Be(1);
        second["resumedInstanceIds"]!.AsArray().Select(i => i!.GetValue<string>()).Should().Equal(instanceId);
        var run = await _client.WaitForStatusAsync(instanceId, "Finished");
        run.SingleEntry("escalate")["outputs"]!.Str("message").Should().Be("escalate after alert 2");
        (await _client.ListInstancesAsync($"definitionId={definitionId}")).Int("total").Should().Be(2, "the second alert also starts a run of its own");
    }

    [DatabaseFact]
    public async Task A_trigger_filter_that_cannot_be_evaluated_for_an_events_payload_does_not_start_it_nor_fail_the_event_and_says_why()
    {
        var definitionId = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("triggered-strict"),
            [Start, Log("log", "'P' + input.labels.severity")],
            ["start -> log"],
            triggers: new[] { new { @event = "alert.received", filter = "input.labels.severity <= 2" } }));
        var correlation = WorkflowCalls.NewId("alert");

        var sent = await _client.SendEventAsync("alert.received", correlation, new { service = "billing" });

        sent.Int("started").Should().Be(0);
        (await _client.ListInstancesAsync($"definitionId={definitionId}")).Int("total").Should().Be(0);
        var failure = sent["triggerFailures"]!.AsArray().Single(f => f!.Str("definitionId") == definitionId)!;
        failure.Str("event").Should().Be("alert.received");
        failure.Str("correlationId").Should().Be(correlation);
        failure.Str("error").Should().Contain("input.labels.severity <= 2");

        // Events from intake and the outbox have no caller to read that answer: the definition keeps its recent failures.
        var kept = await (await _client.GetAsync($"/api/workflow-definitions/{definitionId}/trigger-failures")).ShouldBeAsync(HttpStatusCode.OK);
        kept.Int("total").Should().Be(1);
        kept["items"]![0]!.Str("correlationId").Should().Be(correlation);
        await (await _client.GetAsync($"/api/workflow-definitions/{WorkflowCalls.NewId("missing")}/trigger-failures")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    // ---- bad requests ----

    [DatabaseTheory]
    [InlineData("[1, 2]")]
    [InlineData("\"text\"")]
    [InlineData("42")]
    public async Task Running_with_an_input_that_is_not_an_object_is_a_400_naming_input(string input)
    {
        var id = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("bad-input"), [Start], []));

        var problem = await (await _client.PostRawAsync($"/api/workflow-definitions/{id}/run", $"{{ \"input\": {input} }}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.Str("field").Should().Be("input");
        (await _client.ListInstancesAsync($"definitionId={id}")).Int("total").Should().Be(0);
    }

    [DatabaseFact]
    public async Task Running_an_unknown_definition_is_a_404_and_one_with_no_published_version_a_409_saying_so()
    {
        await (await _client.StartRunAsync(WorkflowCalls.NewId("missing"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var draft = await _client.CreateDefinitionAsync(Definition(WorkflowCalls.NewId("draft"), [Start], []));
        (await (await _client.StartRunAsync(draft)).ShouldBeProblemAsync(HttpStatusCode.Conflict))
            .Str("detail").Should().Contain("has no published version").And.Contain($"/api/workflow-definitions/{draft}/publish");

        await _client.PublishAsync(draft);
        await (await _client.DeleteAsync($"/api/workflow-definitions/{draft}")).ShouldBeAsync(HttpStatusCode.NoContent);
        (await (await _client.StartRunAsync(draft)).ShouldBeProblemAsync(HttpStatusCode.Conflict))
            .Str("detail").Should().Contain("has no published version", "a retracted definition is still there, only unpublished");
    }

    [DatabaseFact]
    public async Task Saving_a_draft_whose_body_names_another_definition_is_refused_naming_definitionId()
    {
        var first = await _client.CreateDefinitionAsync(Definition(WorkflowCalls.NewId("first"), [Start], []));
        var other = WorkflowCalls.NewId("other");

        var response = await _client.PutAsync($"/api/workflow-definitions/{first}",
            new StringContent(Definition(other, [Start], []), System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem["errors"]![0]!.Str("input").Should().Be("definitionId");
        problem["errors"]![0]!.Str("message").Should().Contain($"'{other}'").And.Contain($"'{first}'");
        (await _client.GetStringAsync($"/api/workflow-definitions/{first}/versions")).Should().NotContain("\"version\":2", "nothing was saved");
    }

    [DatabaseFact]
    public async Task Saving_a_definition_with_errors_is_a_400_listing_them_and_saves_nothing()
    {
        var definitionId = WorkflowCalls.NewId("invalid");
        var json = Definition(definitionId,
            [Start, Node("d", "Decision"), Node("x", "NoSuchActivity"), Log("a", "'a'")],
            ["start -> d", "d.True -> a", "d.Maybe -> x"]);

        var problem = await (await _client.PostDefinitionAsync(json)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var errors = problem["errors"]!.AsArray().Select(e => e!).ToList();
        errors.Should().Contain(e => e.Str("activityId") == "d" && e.Str("input") == "condition");
        errors.Should().Contain(e => e.Str("activityId") == "x" && e.Str("message").Contains("NoSuchActivity"));
        errors.Should().Contain(e => e.Str("activityId") == "d" && e.Str("input") == "connections" && e.Str("message").Contains("Maybe"));
        errors.Should().OnlyContain(e => e.Str("message").Length > 0);
        await (await _client.GetAsync($"/api/workflow-definitions/{definitionId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var validated = await (await _client.PostRawAsync("/api/workflow-definitions/validate", json)).ShouldBeAsync(HttpStatusCode.OK);
        validated["valid"]!.GetValue<bool>().Should().BeFalse();
        validated["errors"]!.AsArray().Should().HaveCount(errors.Count);
    }

    [DatabaseFact]
    public async Task Malformed_json_is_a_400()
    {
        await (await _client.PostRawAsync("/api/workflow-definitions", "{ \"definitionId\": \"x\", ")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var id = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("malformed"), [Start], []));
        await (await _client.PostRawAsync($"/api/workflow-definitions/{id}/run", "{ \"input\": ")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await _client.PostRawAsync("/api/events/anything", "not json")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await _client.ListInstancesAsync($"definitionId={id}")).Int("total").Should().Be(0);
    }

    /// <summary>A 409 problem; its body must be valid JSON with one <c>status</c> member (the HTTP status).</summary>
    private static async Task<JsonNode> ShouldBeConflictAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.Conflict, "the response body was: {0}", text);
        Regex.Count(text, "\"status\"\\s*:").Should().Be(1, "a problem body has a single \"status\" member holding the HTTP status; the body was: {0}", text);
        var problem = JsonNode.Parse(text)!;
        problem.Int("status").Should().Be(409);
        return problem;
    }

    private async Task<string> RunToEndAsync()
    {
        var id = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("short"), [Start, Log("log", "'hi'")], ["start -> log"]));
        var instanceId = await _client.RunAsync(id);
        await _client.WaitForStatusAsync(instanceId, "Finished");
        return instanceId;
    }

    private async Task<string> WaitForChildAsync(string childDefinitionId, string correlation)
    {
        var items = await Eventually.Async(
            async () => (await _client.ListInstancesAsync($"definitionId={childDefinitionId}&correlationId={correlation}"))["items"]!.AsArray(),
            runs => runs.Count > 0, $"a run of {childDefinitionId} started", describe: runs => runs.ToJsonString());
        return items.Should().ContainSingle().Subject!.Id();
    }

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}

public sealed class LifecycleOnSqlite(SqliteServerFixture fixture) : LifecycleTests(fixture), IClassFixture<SqliteServerFixture>;

public sealed class LifecycleOnPostgreSql(PostgreSqlServerFixture fixture) : LifecycleTests(fixture), IClassFixture<PostgreSqlServerFixture>, IRunsOnPostgreSql;
