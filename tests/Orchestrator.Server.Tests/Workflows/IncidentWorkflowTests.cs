using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Infrastructure.Persistence;
using Orchestrator.Server.Tests.Api;
using Orchestrator.Server.Tests.Hosting;
using Orchestrator.Tests.Shared;
using Orchestrator.Workflows.Runtime;
using Orchestrator.Workflows.Runtime.Events;
using Orchestrator.Workflows.Runtime.Turns;
using static Orchestrator.Server.Tests.Workflows.DefinitionJson;

namespace Orchestrator.Server.Tests.Workflows;

/// <summary>Incidents driving workflows (issue 11): incident events through the outbox start the playbooks whose filters
/// hold, the runs are linked from the incident, and incident activities change it as the run. Each test uses its own
/// service name, so the triggers of one test never start runs for another's incidents.</summary>
public abstract class IncidentWorkflowTests(ServerFixture fixture)
{
    private readonly HttpClient _client = fixture.Enabled ? fixture.Client : new HttpClient();

    [DatabaseFact]
    public async Task An_incident_event_starts_the_playbooks_whose_filter_holds_and_the_run_is_linked_from_the_incident_and_its_timeline()
    {
        var service = WorkflowCalls.NewId("payments");
        var definitionId = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("p1-playbook"),
            [Start, Log("log", "incident.number + ' is P' + incident.priority + ' on ' + incident.service")],
            ["start -> log"],
            triggers: new[] { new { @event = "incident.created", filter = $"incident.priority <= 2 && incident.service == \"{service}\"" } }));

        var p1 = await _client.CreateIncidentAsync(new { title = "Payments down", impact = 1, urgency = 1, service });
        var p4 = await _client.CreateIncidentAsync(new { title = "Typo on the payments page", impact = 3, urgency = 2, service });

        var linked = await RunsOfAsync(p1.Str("id"), 1);
        var run = linked.Single();
        run.Str("definitionId").Should().Be(definitionId);
        run.Str("trigger").Should().Be("incident.created");
        run.Int("version").Should().Be(1);
        run["startedAt"].Should().NotBeNull();
        var finished = await _client.WaitForStatusAsync(run.Str("instanceId"), "Finished");
        finished.Str("correlationId").Should().Be(p1.Str("id"), "a run about an incident is correlated by the incident's id");
        finished.SingleEntry("log")["outputs"]!.Str("message").Should().Be($"{p1.Str("number")} is P1 on {service}");
        finished["input"]!["incident"]!.Str("number").Should().Be(p1.Str("number"), "the event's payload carries the incident");

        var note = (await _client.GetTimelineAsync(p1.Str("id"))).Single(e => e!.Str("kind") == "Workflow")!;
        note.Str("actor").Should().Be($"workflow:{definitionId}/{run.Str("instanceId")}");
        note.Str("summary").Should().Be($"Workflow {definitionId} (version 1) started by incident.created");

        await DrainAsync();
        (await _client.GetIncidentAsync(p4.Str("id")))["runs"]!.AsArray().Should().BeEmpty("the P4 incident does not pass the filter");
        (await _client.ListInstancesAsync($"definitionId={definitionId}")).Int("total").Should().Be(1);
    }

    [DatabaseFact]
    public async Task Every_incident_event_reaches_the_triggers_that_name_it_with_its_own_fields_and_the_incident_as_the_change_left_it()
    {
        var service = WorkflowCalls.NewId("events");
        var events = new[] { "incident.created", "incident.transitioned", "incident.priorityChanged", "incident.assigned", "incident.majorDeclared" };
        var definitionId = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("every-event"),
            [Start, Log("log", "'seen'")],
            ["start -> log"],
            triggers: events.Select(e => new { @event = e, filter = $"incident.service == \"{service}\"" }).ToArray()));
        var incident = await _client.CreateIncidentAsync(new { title = "Checkout slow", impact = 2, urgency = 2, service });
        var id = incident.Str("id");

        await (await _client.PostAsJsonAsync($"/api/incidents/{id}/assignment", new { group = "web" })).ShouldBeAsync(HttpStatusCode.OK);
        await (await _client.PatchAsJsonAsync($"/api/incidents/{id}", new { urgency = 1 })).ShouldBeAsync(HttpStatusCode.OK);
        await (await _client.PostAsJsonAsync($"/api/incidents/{id}/major", new { action = "Propose", reason = "All checkouts" })).ShouldBeAsync(HttpStatusCode.OK);
        await (await _client.PostAsJsonAsync($"/api/incidents/{id}/major", new { action = "Accept" })).ShouldBeAsync(HttpStatusCode.OK);

        // created; assigned + transitioned (New → Assigned); priorityChanged (P3 → P2); majorDeclared.
        var runs = await RunsOfAsync(id, 5);
        runs.Select(r => r.Str("trigger")).Should().BeEquivalentTo(events);
        var inputs = new Dictionary<string, JsonNode>();
        foreach (var run in runs)
        {
            inputs[run.Str("trigger")] = (await _client.GetInstanceAsync(run.Str("instanceId")))["input"]!;
        }

        inputs["incident.transitioned"].Str("from").Should().Be("New");
        inputs["incident.transitioned"].Str("to").Should().Be("Assigned");
        inputs["incident.assigned"].Str("group").Should().Be("web");
        inputs["incident.priorityChanged"].Int("from").Should().Be(3);
        inputs["incident.priorityChanged"].Int("to").Should().Be(2);
        inputs["incident.priorityChanged"]["incident"]!.Int("priority").Should().Be(2);
        inputs["incident.majorDeclared"]["incident"]!.Str("majorStatus").Should().Be("Accepted");
        inputs["incident.assigned"]["incident"]!.Str("state").Should().Be("Assigned", "the payload is the incident as the whole change left it");
        inputs["incident.created"]["incident"]!["assignmentGroup"].Should().BeNull("it was not assigned yet when created");
    }

    [DatabaseFact]
    public async Task Incident_activities_change_the_incident_as_the_run_and_later_steps_see_it_live()
    {
        var service = WorkflowCalls.NewId("network");
        var definitionId = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("triage"),
            [
                Start,
                Node("assign", "AssignIncident", new { group = Expr("incident.category + '-team'") }),
                Node("note", "AddTimelineEntry", new { text = Expr("'Triaged: assigned to ' + incident.assignmentGroup") }),
                Node("work", "TransitionIncident", new { to = "InProgress" }),
                Node("close", "TransitionIncident", new { to = "Closed" }),
                Log("refused", "outputs.close.reason + ' | allowed: ' + (outputs.close.allowed | array.join ',')"),
            ],
            ["start -> assign", "assign -> note", "note -> work", "work -> close", "close.Refused -> refused"],
            triggers: new[] { new { @event = "incident.created", filter = $"incident.service == \"{service}\"" } }));

        var incident = await _client.CreateIncidentAsync(new { title = "Core switch flapping", impact = 2, urgency = 1, category = "network", service });

        var run = await _client.WaitForStatusAsync((await RunsOfAsync(incident.Str("id"), 1))[0].Str("instanceId"), "Finished");
        var now = await _client.GetIncidentAsync(incident.Str("id"));
        now.Str("assignmentGroup").Should().Be("network-team");
        now.Str("state").Should().Be("InProgress");
        run.SingleEntry("work")["outputs"]!["incident"]!.Str("state").Should().Be("InProgress");
        run.SingleEntry("close").Str("outcome").Should().Be("Refused");
        run.SingleEntry("refused")["outputs"]!.Str("message").Should()
            .Contain("cannot move from InProgress to Closed").And.EndWith("allowed: OnHold,Resolved,Cancelled");

        var actor = $"workflow:{definitionId}/{run.Str("id")}";
        var timeline = (await _client.GetTimelineAsync(incident.Str("id"))).Select(e => e!).ToList();
        timeline.Single(e => e.Str("kind") == "WorkNote").Str("summary").Should().Be("Triaged: assigned to network-team",
            "the note's expression read the incident after the assignment, not as the creating event left it");
        timeline.Where(e => e.Str("kind") is "AssignmentChanged" or "StateChanged" or "WorkNote").Should()
            .OnlyContain(e => e.Str("actor") == actor, "each change the run made is recorded with the run as the actor");
    }

    [DatabaseFact]
    public async Task A_refused_move_without_a_Refused_connection_fails_the_run_with_the_lifecycles_reason_and_changes_nothing()
    {
        var incident = await _client.CreateIncidentAsync(new { title = "Printer on fire", impact = 3, urgency = 3, service = WorkflowCalls.NewId("print") });
        var definitionId = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("close-too-early"),
            [Start, Node("close", "TransitionIncident", new { to = "Closed" })],
            ["start -> close"]));

        var run = await _client.WaitForStatusAsync(await _client.RunAsync(definitionId, correlationId: incident.Str("id")), "Faulted");

        run["fault"]!.Str("message").Should().Contain($"Incident {incident.Str("number")} cannot move from New to Closed");
        run.SingleEntry("close").Int("attempt").Should().Be(1, "a refusal is not retried");
        (await _client.GetIncidentAsync(incident.Str("id"))).Int("version").Should().Be(incident.Int("version"));
    }

    [DatabaseFact]
    public async Task Bad_inputs_of_incident_activities_fail_the_step_naming_what_is_wrong()
    {
        var incident = await _client.CreateIncidentAsync(new { title = "Queue backlog", impact = 2, urgency = 2, service = WorkflowCalls.NewId("queue") });

        async Task<string> FaultOf(JsonObject node, string? correlationId)
        {
            var definitionId = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("bad-input"), [Start, node], [$"start -> {node.Str("id")}"]));
            var run = await _client.WaitForStatusAsync(await _client.RunAsync(definitionId, correlationId: correlationId), "Faulted");
            return run["fault"]!.Str("message");
        }

        (await FaultOf(Node("u", "UpdateIncident", new { fields = new { colour = "red" } }), incident.Str("id")))
            .Should().Contain("fields.colour is not a field that can be changed");
        (await FaultOf(Node("h", "TransitionIncident", new { to = "OnHold" }), incident.Str("id")))
            .Should().Contain("holdReason is required");
        (await FaultOf(Node("a", "AssignIncident", new { }), null))
            .Should().Contain("This run is not about an incident");
        (await FaultOf(Node("r", "SetIncidentRole", new { role = Expr("'Captain'"), user = "ann" }), incident.Str("id")))
            .Should().Contain("role 'Captain' is not one of IncidentCommander");
        (await _client.GetIncidentAsync(incident.Str("id"))).Int("version").Should().Be(incident.Int("version"), "no failed step changed the incident");
    }

    [DatabaseFact]
    public async Task WaitForIncidentState_follows_the_port_of_the_state_the_incident_reaches_and_ignores_other_moves()
    {
        var incident = await _client.CreateIncidentAsync(new { title = "Login errors", impact = 2, urgency = 2, service = WorkflowCalls.NewId("login") });
        var id = incident.Str("id");
        var definitionId = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("wait-state"),
            [
                Start,
                Node("new", "WaitForIncidentState", new { states = new[] { "New" } }),
                Node("wait", "WaitForIncidentState", new { states = new[] { "Resolved", "Cancelled" } }),
                Log("resolved", "'resolved with ' + outputs.wait.incident.resolutionCode"),
                Log("cancelled", "'cancelled'"),
            ],
            ["start -> new", "new.New -> wait", "wait.Resolved -> resolved", "wait.Cancelled -> cancelled"]));

        var instanceId = await _client.RunAsync(definitionId, correlationId: id);
        await _client.WaitForBookmarkAsync(instanceId, "wait");
        (await _client.GetInstanceAsync(instanceId)).SingleEntry("new").Str("outcome").Should().Be("New", "an incident already in the state passes at once");

        await (await _client.PostAsJsonAsync($"/api/incidents/{id}/assignment", new { group = "identity" })).ShouldBeAsync(HttpStatusCode.OK);
        await _client.MoveAsync(id, new { to = "InProgress" });
        await DrainAsync();
        await fixture.Server.WhenIdleAsync();
        (await _client.GetInstanceAsync(instanceId)).Status().Should().Be("Suspended", "Assigned and InProgress are not what it waits for");

        await _client.MoveAsync(id, new { to = "Resolved", resolutionCode = "Fixed", notes = "Rotated the signing key" });

        var run = await _client.WaitForStatusAsync(instanceId, "Finished");
        run.SingleEntry("wait").Str("outcome").Should().Be("Resolved");
        run.SingleEntry("resolved")["outputs"]!.Str("message").Should().Be("resolved with Fixed");
        run.JournalIds().Should().NotContain("cancelled");
    }

    [DatabaseFact]
    public async Task WaitForIncidentState_without_the_state_in_time_follows_TimedOut()
    {
        var incident = await _client.CreateIncidentAsync(new { title = "Slow reports", impact = 3, urgency = 3, service = WorkflowCalls.NewId("reports") });
        var definitionId = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("wait-timeout"),
            [Start, Node("wait", "WaitForIncidentState", new { states = new[] { "InProgress" }, timeoutSeconds = 1 }), Log("late", "'nobody started work'")],
            ["start -> wait", "wait.TimedOut -> late"]));

        var run = await _client.WaitForStatusAsync(await _client.RunAsync(definitionId, correlationId: incident.Str("id")), "Finished");

        run.SingleEntry("wait").Str("outcome").Should().Be("TimedOut");
        run.JournalIds().Should().Contain("late");
    }

    [DatabaseFact]
    public async Task An_outbox_event_delivered_twice_starts_its_runs_once_and_a_second_delivery_starts_what_the_first_did_not()
    {
        var service = WorkflowCalls.NewId("twice");
        var definitionId = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("once"),
            [Start, Log("log", "'once'")],
            ["start -> log"],
            triggers: new[] { new { @event = "incident.transitioned", filter = $"incident.service == \"{service}\"" } }));
        var correlation = Guid.NewGuid().ToString();
        var stimulus = new Stimulus("incident.transitioned", correlation,
            JsonNode.Parse($$"""{ "from": "New", "to": "Cancelled", "incident": { "service": "{{service}}" } }"""),
            DeliveryId: $"incident-event:{Guid.NewGuid():N}", OccurredAt: DateTimeOffset.UtcNow);
        var expectedId = TriggeredRunIds.For(stimulus.DeliveryId!, definitionId, stimulus.OccurredAt!.Value);

        var first = await SendAsync(stimulus);
        var second = await SendAsync(stimulus);

        first.Started.Should().Equal(expectedId);
        second.Duplicate.Should().BeTrue();
        second.Started.Should().BeEmpty();
        await _client.WaitForStatusAsync(expectedId, "Finished");

        // As after a crash between recording the delivery and starting the run: the run is missing, the delivery is not.
        await using (var scope = fixture.Server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OrchestratorDbContext>();
            await db.WorkflowJournal.Where(j => j.InstanceId == expectedId).ExecuteDeleteAsync();
            await db.WorkflowInstances.Where(i => i.Id == expectedId).ExecuteDeleteAsync();
        }

        var repaired = await SendAsync(stimulus);

        repaired.Started.Should().Equal(expectedId);
        (await _client.WaitForStatusAsync(expectedId, "Finished")).Str("definitionId").Should().Be(definitionId);
        (await _client.ListInstancesAsync($"definitionId={definitionId}")).Int("total").Should().Be(1);
    }

    private async Task<EventResult> SendAsync(Stimulus stimulus)
    {
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<WorkflowOperations>().SendEventsAsync([stimulus], CancellationToken.None))[0];
    }

    /// <summary>Hands every event waiting in the outboxes to the runtime now (the publisher does so on its own too).</summary>
    private async Task DrainAsync() =>
        await fixture.Server.Services.GetRequiredService<Orchestrator.Infrastructure.Events.EventOutboxPublisher>().DrainAsync(CancellationToken.None);

    /// <summary>The incident's <c>runs</c> once it lists <paramref name="count"/>.</summary>
    private async Task<List<JsonNode>> RunsOfAsync(string incidentId, int count) =>
        (await Eventually.Async(
            () => _client.GetIncidentAsync(incidentId),
            i => i["runs"]!.AsArray().Count >= count,
            $"incident {incidentId} listing {count} run(s)",
            describe: i => i["runs"]?.ToJsonString()))["runs"]!.AsArray().Select(r => r!).ToList();
}

public sealed class IncidentWorkflowsOnSqlite(SqliteServerFixture fixture) : IncidentWorkflowTests(fixture), IClassFixture<SqliteServerFixture>;

public sealed class IncidentWorkflowsOnPostgreSql(PostgreSqlServerFixture fixture) : IncidentWorkflowTests(fixture), IClassFixture<PostgreSqlServerFixture>, IRunsOnPostgreSql;
