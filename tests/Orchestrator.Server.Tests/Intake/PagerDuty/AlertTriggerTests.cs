using System.Globalization;
using Orchestrator.Server.Tests.Api;
using Orchestrator.Server.Tests.Hosting;
using Orchestrator.Server.Tests.Workflows;
using static Orchestrator.Server.Tests.Workflows.DefinitionJson;

namespace Orchestrator.Server.Tests.Intake.PagerDuty;

/// <summary>
/// Alert events reach the workflow runtime as <c>alert.received</c> (delivered by the background publisher), with the
/// incident id as correlation id and <c>alert</c> promoted so trigger filters and expressions read <c>alert.*</c>.
/// Every filter also names the test's integration: the tests of a class share one server.
/// </summary>
public abstract class AlertTriggerTests(ServerFixture fixture)
{
    private readonly HttpClient _client = fixture.Enabled ? fixture.Client : new HttpClient();

    [DatabaseFact]
    public async Task A_critical_trigger_starts_the_alert_workflow_with_the_alert_promoted_and_a_warning_does_not()
    {
        var integration = await _client.CreatePagerDutyIntegrationAsync(PagerDutyCalls.Unique("wf"));
        var name = integration.Str("name");
        var definitionId = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("on-critical-alert"),
            [Start, SetVariable("remember", "summary", "alert.summary"), Log("log", "input.incident.number + ' ' + alert.fingerprint + ' ' + alert.severity")],
            ["start -> remember", "remember -> log"],
            variables: new[] { new { name = "summary", type = "String" } },
            triggers: new[]
            {
                new { @event = "alert.received", filter = $"alert.severity == \"critical\" && input.event == \"triggered\" && input.integration.name == \"{name}\"" },
            }));

        await _client.AcceptedAsync(PagerDutyCalls.Trigger(integration.Key(), "warn-1", summary: "Disk 80% full", severity: "warning"));
        await _client.AcceptedAsync(PagerDutyCalls.Trigger(integration.Key(), "crit-1", summary: "Checkout is down"));
        var critical = (await _client.AlertsOfAsync(integration.Id())).Single(a => a.Str("fingerprint") == "crit-1");
        var incident = await _client.GetIncidentAsync(critical.Str("incidentId"));

        var runs = await _client.WaitForInstancesAsync($"definitionId={definitionId}", items => items.Count > 0, "a run of the alert workflow");
        var run = await _client.WaitForStatusAsync(runs.Single().Id(), "Finished");

        run.Str("correlationId").Should().Be(incident.Id());
        run["variables"]!.Str("summary").Should().Be("Checkout is down");
        run.SingleEntry("log")["outputs"]!.Str("message").Should().Be($"{incident.Str("number")} crit-1 critical");
        var input = run["input"]!;
        input.Str("event").Should().Be("triggered");
        input["alert"]!.Str("id").Should().Be(critical.Id());
        input["alert"]!.Str("status").Should().Be("Firing");
        input["alert"]!.Int("count").Should().Be(1);
        input["alert"]!.Str("incidentId").Should().Be(incident.Id());
        input["incident"]!.Str("title").Should().Be("Checkout is down");
        input["incident"]!.Int("priority").Should().Be(1);
        input["integration"]!.Str("id").Should().Be(integration.Id());
        input["integration"]!.Str("kind").Should().Be("PagerDuty");

        // The outbox delivers an incident's events in order and a triggered run is committed before the next event is
        // handled: the warning's event came first, so had it matched, its run would exist by now — no waiting needed.
        (await _client.ListInstancesAsync($"definitionId={definitionId}")).Int("total").Should().Be(1);
    }

    [DatabaseFact]
    public async Task Every_alert_event_of_an_incident_reaches_the_runtime_in_order_with_the_incident_as_correlation()
    {
        var integration = await _client.CreatePagerDutyIntegrationAsync(PagerDutyCalls.Unique("wf"));
        var definitionId = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("every-alert-event"),
            [Start, Log("log", "input.event + ' ' + alert.status + ' ' + alert.count + ' ' + input.incident.state")],
            ["start -> log"],
            triggers: new[] { new { @event = "alert.received", filter = $"input.integration.name == \"{integration.Str("name")}\"" } }));
        var dedupKey = PagerDutyCalls.Unique("every");

        await _client.AcceptedAsync(PagerDutyCalls.Trigger(integration.Key(), dedupKey));
        await _client.AcceptedAsync(PagerDutyCalls.Trigger(integration.Key(), dedupKey));
        await _client.AcceptedAsync(PagerDutyCalls.Action(integration.Key(), "acknowledge", dedupKey));
        await _client.AcceptedAsync(PagerDutyCalls.Action(integration.Key(), "resolve", dedupKey));
        var incidentId = (await _client.SingleAlertAsync(integration.Id())).Str("incidentId");

        var runs = await _client.WaitForInstancesAsync($"definitionId={definitionId}", items => items.Count >= 4, "a run per alert event");

        runs.Should().HaveCount(4);
        runs.Should().OnlyContain(r => r.Str("correlationId") == incidentId);
        var messages = new List<string>();
        foreach (var summary in runs.OrderBy(r => DateTimeOffset.Parse(r.Str("createdAt"), CultureInfo.InvariantCulture)))
        {
            var run = await _client.WaitForStatusAsync(summary.Id(), "Finished");
            messages.Add(run.SingleEntry("log")["outputs"]!.Str("message"));
        }

        // The incident in each event is as the post left it: the resolve auto-resolved it.
        messages.Should().Equal("triggered Firing 1 New", "repeated Firing 2 New", "acknowledged Acknowledged 2 InProgress", "resolved Resolved 2 Resolved");
    }

    [DatabaseFact]
    public async Task The_event_of_the_alert_that_opened_the_incident_says_the_incident_is_new_and_a_repeat_does_not()
    {
        var integration = await _client.CreatePagerDutyIntegrationAsync(PagerDutyCalls.Unique("wf"));
        var definitionId = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("is-new"),
            [Start, Log("log", "input.event + ' ' + input.incident.isNew + ' ' + input.incident.state")],
            ["start -> log"],
            triggers: new[] { new { @event = "alert.received", filter = $"input.integration.name == \"{integration.Str("name")}\"" } }));
        var dedupKey = PagerDutyCalls.Unique("new");

        await _client.AcceptedAsync(PagerDutyCalls.Trigger(integration.Key(), dedupKey));
        await _client.AcceptedAsync(PagerDutyCalls.Trigger(integration.Key(), dedupKey));

        var runs = await _client.WaitForInstancesAsync($"definitionId={definitionId}", items => items.Count >= 2, "a run per alert event");
        var messages = new List<string>();
        foreach (var summary in runs.OrderBy(r => DateTimeOffset.Parse(r.Str("createdAt"), CultureInfo.InvariantCulture)))
        {
            messages.Add((await _client.WaitForStatusAsync(summary.Id(), "Finished")).SingleEntry("log")["outputs"]!.Str("message"));
        }

        messages.Should().Equal("triggered true New", "repeated false New");
    }

    [DatabaseFact]
    public async Task A_run_waiting_for_alert_received_is_resumed_by_the_next_alert_event_of_its_incident()
    {
        var integration = await _client.CreatePagerDutyIntegrationAsync(PagerDutyCalls.Unique("wf"));
        var definitionId = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("await-next-alert"),
            [Start, WaitFor("next", "alert.received"), Log("after", "'next: ' + outputs.next.payload.event")],
            ["start -> next", "next -> after"],
            triggers: new[]
            {
                new { @event = "alert.received", filter = $"input.event == \"triggered\" && input.integration.name == \"{integration.Str("name")}\"" },
            }));
        var dedupKey = PagerDutyCalls.Unique("wait");
        await _client.AcceptedAsync(PagerDutyCalls.Trigger(integration.Key(), dedupKey));
        var runs = await _client.WaitForInstancesAsync($"definitionId={definitionId}", items => items.Count > 0, "the run started by the trigger");
        var instanceId = runs.Single().Id();
        await _client.WaitForBookmarkAsync(instanceId, "next");

        await _client.AcceptedAsync(PagerDutyCalls.Action(integration.Key(), "acknowledge", dedupKey));

        var run = await _client.WaitForStatusAsync(instanceId, "Finished");
        run.SingleEntry("after")["outputs"]!.Str("message").Should().Be("next: acknowledged");
        (await _client.ListInstancesAsync($"definitionId={definitionId}")).Int("total").Should().Be(1);
    }
}

public sealed class AlertTriggerOnSqlite(SqliteServerFixture fixture) : AlertTriggerTests(fixture), IClassFixture<SqliteServerFixture>;

public sealed class AlertTriggerOnPostgreSql(PostgreSqlServerFixture fixture)
    : AlertTriggerTests(fixture), IClassFixture<PostgreSqlServerFixture>, IRunsOnPostgreSql;
