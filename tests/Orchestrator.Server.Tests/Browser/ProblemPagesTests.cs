using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Orchestrator.Server.Tests.Api;
using Orchestrator.Server.Tests.Hosting;
using Orchestrator.Server.Tests.Intake;
using Orchestrator.Server.Tests.Workflows;

namespace Orchestrator.Server.Tests.Browser;

/// <summary>Problems and major incidents in the browser: a problem recorded from an incident, more incidents linked to it
/// by number, resolved with the incidents waiting for it; an incident proposed and accepted as major with its commander;
/// an incident's alerts and runs beside it, and the newest alerts on the dashboard.</summary>
public sealed class ProblemPagesTests(SqliteServerFixture fixture) : IClassFixture<SqliteServerFixture>
{
    private string Url(string path) => new Uri(fixture.Client.BaseAddress!, path).ToString();

    private async Task<string> NumberOfAsync(string incidentId) => (await fixture.Client.GetIncidentAsync(incidentId)).Str("number");

    [Fact]
    public async Task A_problem_recorded_from_an_incident_gathers_more_incidents_and_resolving_it_resolves_the_one_waiting()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var waiting = await fixture.Client.CreateIncidentAwaitingProblemAsync($"Nightly export fails: disk full ({tag})");
        var waitingNumber = await NumberOfAsync(waiting);
        var working = (await fixture.Client.CreateIncidentInProgressAsync($"Reports time out ({tag})")).Id();
        var workingNumber = await NumberOfAsync(working);
        await using var chromium = await Chromium.StartAsync();

        await chromium.OnPageAsync("problem-from-incident", async page =>
        {
            await Chromium.GotoInteractiveAsync(page, Url($"/incidents/{waitingNumber}"));
            var panel = page.GetByTestId("incident-problem");
            await panel.GetByRole(AriaRole.Button, new() { Name = "New problem from this incident" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await Assertions.Expect(dialog).ToContainTextAsync($"{waitingNumber} will be linked");
            await dialog.GetByLabel("Problem title").FillAsync("");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Record problem" }).ClickAsync();
            await Assertions.Expect(dialog).ToContainTextAsync("title is required"); // beside the field, nothing recorded
            await dialog.GetByLabel("Problem title").FillAsync($"Export host logs are never rotated ({tag})");
            await dialog.GetByLabel("Workaround").FillAsync("Delete exports older than a week");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Record problem" }).ClickAsync();

            // The incident shows its problem and the workaround, and links to it.
            await Assertions.Expect(panel).ToContainTextAsync($"Export host logs are never rotated ({tag})");
            await Assertions.Expect(panel).ToContainTextAsync("Workaround: Delete exports older than a week");
            await panel.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^PRB\\d+$") }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/problems/[0-9a-f-]{36}$"));
            await Assertions.Expect(page.Locator("[data-interactive='true']")).ToHaveCountAsync(1);

            var incidents = page.GetByTestId("problem-incidents");
            await Assertions.Expect(incidents).ToContainTextAsync(waitingNumber);
            await Assertions.Expect(incidents).ToContainTextAsync("waiting for this problem");

            // Another incident by its number; an unknown number is explained beside the field.
            await incidents.GetByLabel("Incident number to link").FillAsync("INC9999999");
            await incidents.GetByRole(AriaRole.Button, new() { Name = "Link" }).ClickAsync();
            await Assertions.Expect(incidents).ToContainTextAsync("There is no incident INC9999999.");
            await incidents.GetByLabel("Incident number to link").FillAsync(workingNumber.ToLowerInvariant());
            await incidents.GetByRole(AriaRole.Button, new() { Name = "Link" }).ClickAsync();
            await Assertions.Expect(incidents).ToContainTextAsync(workingNumber);
            await Assertions.Expect(incidents).ToContainTextAsync("Incidents (2)");

            // Resolving needs a root cause: refused beside the field, then resolved with it.
            var resolve = page.GetByTestId("problem-resolve");
            await resolve.GetByLabel("Resolution notes").FillAsync("logrotate policy deployed to every export host");
            await resolve.GetByRole(AriaRole.Button, new() { Name = "Resolve problem" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("problem-fields")).ToContainTextAsync("rootCause is required");
            await page.GetByTestId("problem-fields").GetByLabel("Root cause").FillAsync("No logrotate policy for the export audit log");
            await resolve.GetByRole(AriaRole.Button, new() { Name = "Resolve problem" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("problem-state").First).ToHaveTextAsync("Resolved");
            await Chromium.CaptureAsync(page, "problem-resolved");
        });

        (await fixture.Client.GetIncidentAsync(waiting)).Str("state").Should().Be("Resolved", "it waited on hold for the problem");
        (await fixture.Client.GetIncidentAsync(working)).Str("state").Should().Be("InProgress", "it was linked but not waiting");
        var problemId = (await fixture.Client.GetIncidentAsync(working)).Str("problemId");
        var problem = await fixture.Client.GetProblemAsync(problemId);
        problem.Str("rootCause").Should().Be("No logrotate policy for the export audit log");
        problem.Str("workaround").Should().Be("Delete exports older than a week");
        chromium.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task An_incident_proposed_and_accepted_as_major_gets_its_commander_and_each_step_lands_on_the_timeline()
    {
        var incident = (await fixture.Client.CreateIncidentAsync(new { title = $"Checkout down in every region ({Guid.NewGuid():N})", impact = 1, urgency = 1 })).Id();
        var number = await NumberOfAsync(incident);
        await using var chromium = await Chromium.StartAsync();

        await chromium.OnPageAsync("major-incident", async page =>
        {
            await Chromium.GotoInteractiveAsync(page, Url($"/incidents/{number}"));
            var major = page.GetByTestId("major-incident");
            await major.GetByRole(AriaRole.Button, new() { Name = "Propose as major" }).ClickAsync();
            await Assertions.Expect(major).ToContainTextAsync("reason is required");
            await major.GetByLabel("Major incident reason").FillAsync("Every customer is affected");
            await major.GetByRole(AriaRole.Button, new() { Name = "Propose as major" }).ClickAsync();
            await Assertions.Expect(major.GetByRole(AriaRole.Button, new() { Name = "Accept as major" })).ToBeVisibleAsync();
            await major.GetByRole(AriaRole.Button, new() { Name = "Accept as major" }).ClickAsync();
            await Assertions.Expect(major).ToContainTextAsync("Major incident");

            var roles = page.GetByTestId("ics-roles");
            await roles.GetByLabel("Incident commander").FillAsync("grace");
            await roles.GetByLabel("Scribe").FillAsync("linus");
            await roles.GetByRole(AriaRole.Button, new() { Name = "Save roles" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("timeline")).ToContainTextAsync("grace");
            await Assertions.Expect(page.GetByTestId("timeline")).ToContainTextAsync("linus");
            await Chromium.CaptureAsync(page, "major-incident");
        });

        var stored = await fixture.Client.GetIncidentAsync(incident);
        stored.Str("majorStatus").Should().Be("Accepted");
        stored["roles"]!.Str("IncidentCommander").Should().Be("grace");
        stored["roles"]!.Str("Scribe").Should().Be("linus");
        var kinds = (await fixture.Client.GetTimelineAsync(incident)).Select(e => e!["kind"]!.GetValue<string>()).ToList();
        kinds.Should().Equal("Created", "MajorIncident", "MajorIncident", "RoleChanged", "RoleChanged");
        chromium.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task An_incident_shows_its_alerts_and_runs_and_the_dashboard_shows_the_newest_alert()
    {
        var mapping = new JsonObject { ["title"] = "payload.name", ["fingerprint"] = "payload.id", ["severity"] = "payload.level", ["status"] = "payload.state" };
        var integration = await fixture.Client.CreateIntegrationAsync(IntakeCalls.IntegrationBody("Webhook", new JsonObject { ["mapping"] = mapping }));
        var alertName = $"Queue backlog above 10k ({Guid.NewGuid():N})";
        var intake = await fixture.Client.SendWebhookAsync(integration.Str("key"),
            new JsonObject { ["name"] = alertName, ["id"] = IntakeCalls.NewFingerprint(), ["level"] = "critical", ["state"] = "alerting" });
        var incident = intake.IncidentIds().Single();
        var number = await NumberOfAsync(incident);
        var definition = await fixture.Client.PublishDefinitionAsync(DefinitionJson.Definition(WorkflowCalls.NewId("look"),
            [DefinitionJson.Start, DefinitionJson.Log("look", "'looked at it'")], ["start -> look"]));
        var run = await fixture.Client.RunAsync(definition, correlationId: incident);
        await fixture.Client.WaitForStatusAsync(run, "Finished");
        await using var chromium = await Chromium.StartAsync();

        await chromium.OnPageAsync("incident-alerts-runs", async page =>
        {
            await Chromium.GotoInteractiveAsync(page, Url($"/incidents/{number}"));
            await Assertions.Expect(page.GetByTestId("incident-alerts")).ToContainTextAsync(alertName);
            var runs = page.GetByTestId("incident-runs");
            await Assertions.Expect(runs).ToContainTextAsync(definition);
            await Assertions.Expect(runs).ToContainTextAsync("Finished");

            await Chromium.GotoInteractiveAsync(page, Url("/"));
            var alerts = page.GetByTestId("tile-alerts");
            await Assertions.Expect(alerts).ToContainTextAsync(alertName);
            await alerts.GetByRole(AriaRole.Link, new() { Name = number }).First.ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/incidents/{number}$"));
        });

        chromium.Errors.Should().BeEmpty();
    }
}
