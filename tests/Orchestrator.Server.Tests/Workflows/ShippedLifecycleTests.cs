using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Orchestrator.Server.Tests.Api;
using Orchestrator.Server.Tests.Browser;
using Orchestrator.Server.Tests.Hosting;
using Orchestrator.Tests.Shared;

namespace Orchestrator.Server.Tests.Workflows;

/// <summary>The shipped ITIL lifecycle (workflows/lifecycle/itil-incident.json) on a fresh install with nothing
/// configured: it runs end to end for a P1 — proposed major, paging, chat and e-mail skipped with notes saying what to
/// set, assigned by category, closed on the caller's confirmation with the closure report attached — never faulting.</summary>
public sealed class ShippedLifecycleTests : IAsyncLifetime
{
    private OrchestratorServer _server = null!;

    public async Task InitializeAsync() => _server = await OrchestratorServer.StartAsync(TestDatabase.Sqlite(),
        new Dictionary<string, string?> { ["Orchestrator:WorkflowsDirectory"] = Path.Combine(AppContext.BaseDirectory, "workflows") });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_P1_is_driven_from_creation_to_closed_with_unconfigured_channels_skipped_and_the_closure_report_attached()
    {
        var client = _server.Client;
        (await (await client.GetAsync("/api/workflow-definitions/itil-incident")).ShouldBeAsync(HttpStatusCode.OK))["isPublished"]!.GetValue<bool>()
            .Should().BeTrue("the shipped lifecycle is published on first start");
        var incident = await client.CreateIncidentAsync(new
        {
            title = "Core switch down in DC2", impact = 1, urgency = 1, category = "network", service = "network-core", caller = "noc@example.com",
        });
        var id = incident.Str("id");

        var runId = (await Eventually.Async(async () => (await client.GetIncidentAsync(id))["runs"]!.AsArray(),
            r => r.Any(x => x!.Str("definitionId") == "itil-incident"), "the lifecycle run")).Single()!.Str("instanceId");
        await client.WaitForBookmarkAsync(runId, "worked");
        var triaged = await client.GetIncidentAsync(id);
        triaged.Str("majorStatus").Should().Be("Proposed");
        triaged.Str("assignmentGroup").Should().Be("network");
        triaged.Str("state").Should().Be("Assigned");
        var notes = await NotesAsync(client, id);
        notes.Should().Contain(n => n.StartsWith("Notification to the on-call (stakeholder-update) skipped: the secret 'pagerduty-routing-key'"));
        notes.Should().Contain(n => n.StartsWith("Notification to the stakeholders (stakeholder-update) skipped: the secret 'incident-chat-webhook'"));
        notes.Should().Contain(n => n.StartsWith("Notification to the caller (customer-new) skipped: paging.Email needs host"));

        await client.MoveAsync(id, new { to = "InProgress" });
        await client.MoveAsync(id, new { to = "Resolved", resolutionCode = "Fixed", notes = "Replaced the failed line card" });
        await client.WaitForBookmarkAsync(runId, "verified");
        (await NotesAsync(client, id)).Should().Contain(n => n.StartsWith("Notification to the caller (customer-resolved) skipped"));

        await (await client.PostAsJsonAsync($"/api/incidents/{id}/verification", new { confirmed = true })).ShouldBeAsync(HttpStatusCode.OK);

        var run = await client.WaitForStatusAsync(runId, TimeSpan.FromSeconds(20), "Finished", "Faulted");
        run.Status().Should().Be("Finished", "the lifecycle never faults for want of configuration: {0}", run.ToJsonString());
        run.JournalIds().Should().ContainInOrder("start", "open", "triage", "propose", "page", "chat", "assign", "recorded", "worked", "fixed", "verified", "report", "end");
        (await client.GetIncidentAsync(id)).Str("state").Should().Be("Closed");
        var report = (await client.GetTimelineAsync(id)).Last(e => e!.Str("kind") == "Workflow")!;
        report.Str("summary").Should().StartWith("Notification to the stakeholders (closure-report) skipped");
        report["data"]!.Str("text").Should().StartWith($"# Closure report — {incident.Str("number")}: Core switch down in DC2")
            .And.Contain("**Fixed** — Replaced the failed line card");
    }

    [Fact]
    public async Task Without_an_answer_from_the_caller_the_incident_closes_after_the_quiet_period_a_process_owner_can_shorten()
    {
        var client = _server.Client;
        var definition = (await (await client.GetAsync("/api/workflow-definitions/itil-incident")).ShouldBeAsync(HttpStatusCode.OK)).AsObject();
        var variables = definition["variables"]!.AsArray();
        variables.Single(v => v!.Str("name") == "quietPeriodSeconds")!["default"] = 1;
        var edited = new JsonObject
        {
            ["definitionId"] = "itil-incident", ["name"] = definition["name"]!.DeepClone(), ["variables"] = variables.DeepClone(),
            ["triggers"] = definition["triggers"]!.DeepClone(), ["root"] = definition["root"]!.DeepClone(),
        };
        await (await client.PutAsync("/api/workflow-definitions/itil-incident", new StringContent(edited.ToJsonString(), System.Text.Encoding.UTF8, "application/json")))
            .ShouldBeAsync(HttpStatusCode.OK);
        await client.PublishAsync("itil-incident");
        var incident = await client.CreateIncidentAsync(new { title = "Wiki is slow", impact = 3, urgency = 3, service = "wiki" });
        var id = incident.Str("id");
        var runId = (await Eventually.Async(async () => (await client.GetIncidentAsync(id))["runs"]!.AsArray(),
            r => r.Count > 0, "the lifecycle run")).Single()!.Str("instanceId");
        await client.WaitForBookmarkAsync(runId, "worked");

        await client.MoveAsync(id, new { to = "InProgress" });
        await client.MoveAsync(id, new { to = "Resolved", resolutionCode = "Fixed", notes = "Added an index" });

        var run = await client.WaitForStatusAsync(runId, TimeSpan.FromSeconds(20), "Finished", "Faulted");
        run.Status().Should().Be("Finished");
        run.SingleEntry("verified").Str("outcome").Should().Be("TimedOut");
        run.SingleEntry("close").Str("outcome").Should().Be("Done");
        var closed = await client.GetIncidentAsync(id);
        closed.Str("state").Should().Be("Closed");
        (await client.GetTimelineAsync(id)).Should().Contain(e => e!.Str("summary") == "State changed from Resolved to Closed: No answer from the caller within the quiet period");
    }

    [Fact]
    public async Task An_SLA_at_75_percent_is_escalated_and_a_breach_told_with_unconfigured_channels_skipped()
    {
        var client = _server.Client;
        await (await client.PutAsJsonAsync("/api/settings/sla", new
        {
            policies = new[] { new { priority = 5, responseMinutes = 10, resolutionMinutes = 0.05, calendar = "24x7" } },
            calendars = Array.Empty<object>(),
        })).ShouldBeAsync(HttpStatusCode.OK);
        var incident = await client.CreateIncidentAsync(new { title = "Typo on the status page", impact = 3, urgency = 3, service = "status-page" });
        var id = incident.Str("id");

        var runs = await Eventually.Async(async () => (await client.GetIncidentAsync(id))["runs"]!.AsArray(),
            r => r.Count(x => x!.Str("definitionId") == "sla-escalation") >= 2, "the escalation runs", TimeSpan.FromSeconds(20), r => r.ToJsonString());

        foreach (var run in runs.Where(x => x!.Str("definitionId") == "sla-escalation"))
        {
            (await client.WaitForStatusAsync(run!.Str("instanceId"), TimeSpan.FromSeconds(20), "Finished", "Faulted")).Status().Should().Be("Finished");
        }

        runs.Where(x => x!.Str("definitionId") == "sla-escalation").Select(x => x!.Str("trigger")).Should().BeEquivalentTo(["incident.slaWarning", "incident.slaBreached"],
            "the 50 % warning does not escalate");
        var timeline = (await client.GetTimelineAsync(id)).Select(e => e!.Str("summary")).ToList();
        timeline.Should().Contain("Resolution SLA at 75 %: paging the lead of service-desk");
        timeline.Should().Contain(n => n.StartsWith("Notification to the on-call (stakeholder-update) skipped: the secret 'pagerduty-lead-routing-key'"));
        timeline.Should().Contain(n => n.StartsWith("Notification to the stakeholders (stakeholder-update) skipped: the secret 'incident-chat-webhook'"));
    }

    [Fact]
    public async Task The_lifecycle_is_shown_in_the_designer()
    {
        await using var chromium = await Chromium.StartAsync();
        await chromium.OnPageAsync("playbook-itil-incident", async page =>
        {
            await page.SetViewportSizeAsync(1800, 1000);
            await Chromium.GotoInteractiveAsync(page, new Uri(_server.Client.BaseAddress!, "/workflows/itil-incident").ToString());
            await Assertions.Expect(page.Locator("[data-activity-id='assign']")).ToBeVisibleAsync(new() { Timeout = 20_000 });
            await page.Locator(".react-flow__controls-fitview").ClickAsync();
            await Assertions.Expect(page.Locator("[data-activity-id='end']")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-activity-id='propose']")).ToBeVisibleAsync();
            await Chromium.CaptureAsync(page, "playbook-itil-incident");
        });
        chromium.Errors.Should().BeEmpty();
    }

    private static async Task<List<string>> NotesAsync(HttpClient client, string id) =>
        (await client.GetTimelineAsync(id)).Where(e => e!.Str("kind") == "Workflow").Select(e => e!.Str("summary")).ToList();
}
