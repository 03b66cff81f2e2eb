using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Orchestrator.Server.Tests.Api;
using Orchestrator.Server.Tests.Hosting;

namespace Orchestrator.Server.Tests.Browser;

/// <summary>A responder works an incident from the browser: recorded, assigned, worked, held with a reason, resolved —
/// each step asking for what it needs, the timeline following, on a phone-sized screen too.</summary>
public sealed class IncidentPagesTests(SqliteServerFixture fixture) : IClassFixture<SqliteServerFixture>
{
    private string Url(string path) => new Uri(fixture.Client.BaseAddress!, path).ToString();

    private static async Task MoveAsync(IPage page, string action, Func<ILocator, Task>? fill = null)
    {
        await page.GetByTestId("transitions").GetByRole(AriaRole.Button, new() { Name = action }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        if (fill is not null)
        {
            await fill(dialog);
        }

        await dialog.Locator(".mud-dialog-actions button").Last.ClickAsync();
    }

    [Fact]
    public async Task An_incident_recorded_in_the_browser_is_worked_to_resolved_with_each_step_on_its_timeline()
    {
        var title = $"Checkout returns 502 ({Guid.NewGuid():N})";
        await using var chromium = await Chromium.StartAsync();

        await chromium.OnPageAsync("incident-lifecycle", async page =>
        {
            await Chromium.GotoInteractiveAsync(page, Url("/incidents"));
            await page.GetByRole(AriaRole.Button, new() { Name = "New incident" }).ClickAsync();
            var create = page.GetByRole(AriaRole.Dialog);
            await create.GetByRole(AriaRole.Button, new() { Name = "Record incident" }).ClickAsync();
            await Assertions.Expect(create).ToContainTextAsync("title is required"); // beside the field, nothing recorded
            await create.GetByLabel("Title").FillAsync(title);
            await create.GetByLabel("Service").FillAsync("checkout");
            await create.GetByRole(AriaRole.Button, new() { Name = "Record incident" }).ClickAsync();

            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/incidents/INC\\d+$"));
            await Assertions.Expect(page.GetByTestId("state")).ToHaveTextAsync("New");
            await Assertions.Expect(page.GetByTestId("priority")).ToHaveTextAsync("P3"); // medium × medium

            await MoveAsync(page, "Assign", d => d.GetByLabel("Assignment group").FillAsync("sre"));
            await Assertions.Expect(page.GetByTestId("state")).ToHaveTextAsync("Assigned");
            await MoveAsync(page, "Start work");
            await Assertions.Expect(page.GetByTestId("state")).ToHaveTextAsync("In progress");

            // An assignment the rules refuse is explained beside the field and what was typed stays.
            var tooLong = new string('x', 300);
            var assignment = page.GetByTestId("assignment");
            await assignment.GetByLabel("Assignee").FillAsync(tooLong);
            await assignment.GetByRole(AriaRole.Button, new() { Name = "Save assignment" }).ClickAsync();
            await Assertions.Expect(assignment).ToContainTextAsync("is longer than");
            await Assertions.Expect(assignment.GetByLabel("Assignee")).ToHaveValueAsync(tooLong);
            await assignment.GetByLabel("Assignee").FillAsync("ada");
            await assignment.GetByRole(AriaRole.Button, new() { Name = "Save assignment" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("timeline")).ToContainTextAsync("ada");

            // On hold awaiting the caller needs notes: the dialog says so beside the field and stays open.
            await page.GetByTestId("transitions").GetByRole(AriaRole.Button, new() { Name = "Put on hold" }).ClickAsync();
            var hold = page.GetByRole(AriaRole.Dialog);
            await hold.GetByLabel("Hold reason").ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "Awaiting the caller" }).ClickAsync();
            await hold.Locator(".mud-dialog-actions button").Last.ClickAsync();
            await Assertions.Expect(hold).ToContainTextAsync("notes are required when awaiting the caller");
            await hold.GetByLabel("Notes").FillAsync("Need the order id that failed");
            await hold.Locator(".mud-dialog-actions button").Last.ClickAsync();
            await Assertions.Expect(page.GetByTestId("state")).ToHaveTextAsync("On hold");

            // A colleague's note (through the API) shows up without a reload.
            var number = new Uri(page.Url).Segments[^1];
            var id = (await fixture.Client.GetIncidentAsync(number)).Id();
            (await fixture.Client.PostAsJsonAsync($"/api/incidents/{id}/notes", new { text = "Caller sent order 4711" })).IsSuccessStatusCode.Should().BeTrue();
            await Assertions.Expect(page.GetByTestId("timeline")).ToContainTextAsync("Caller sent order 4711", new() { Timeout = 10_000 });

            await MoveAsync(page, "Start work");
            await MoveAsync(page, "Resolve", async d =>
            {
                await d.GetByLabel("Resolution code").ClickAsync();
                await page.GetByRole(AriaRole.Option, new() { Name = "Fixed", Exact = true }).ClickAsync();
                // The choice is rendered back before typing on: a render of the dialog still on its way could reset the notes (seen in CI under load).
                await Assertions.Expect(d.GetByLabel("Resolution code")).ToContainTextAsync("Fixed");
                await d.GetByLabel("Notes").FillAsync("Rolled back the gateway config");
                await Assertions.Expect(d.GetByLabel("Notes")).ToHaveValueAsync("Rolled back the gateway config");
            });
            await Assertions.Expect(page.GetByTestId("state")).ToHaveTextAsync("Resolved");
            await Assertions.Expect(page.GetByTestId("incident-details")).ToContainTextAsync("Fixed — Rolled back the gateway config");

            await page.SetViewportSizeAsync(375, 800);
            await Assertions.Expect(page.GetByTestId("timeline")).ToBeVisibleAsync();
            await Chromium.SettledWidthAsync(page, 375); // the layout reflows a moment after the resize (ripples fade, breakpoints apply)
            var wide = await page.EvaluateAsync<string[]>("[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 376).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).slice(0, 12)");
            (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(375, "the incident page fits a phone: " + string.Join(" | ", wide));
            await Chromium.CaptureAsync(page, "incident-phone");
        });

        var incident = (await fixture.Client.GetFromJsonAsync<IncidentList>($"/api/incidents?q={Uri.EscapeDataString(title)}"))!.Items.Single();
        incident.State.Should().Be("Resolved");
        incident.AssignmentGroup.Should().Be("sre");
        var timeline = await fixture.Client.GetTimelineAsync(incident.Id.ToString());
        timeline.Select(e => e!["kind"]!.GetValue<string>()).Should().ContainInOrder("Created", "StateChanged", "StateChanged", "AssignmentChanged", "StateChanged", "WorkNote", "StateChanged", "StateChanged");
        chromium.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task The_dashboard_counts_open_incidents_by_priority_and_state_and_each_count_opens_that_list()
    {
        var title = $"Payments down ({Guid.NewGuid():N})";
        (await fixture.Client.CreateIncidentAsync(new { title, impact = 1, urgency = 1, service = "payments" })).Str("number").Should().NotBeEmpty();
        await using var chromium = await Chromium.StartAsync();

        await chromium.OnPageAsync("dashboard", async page =>
        {
            await Chromium.GotoInteractiveAsync(page, Url("/"));
            var p1New = page.GetByTestId("tile-incidents").Locator("[data-count='P1-New']");
            await Assertions.Expect(p1New).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("tile-runs")).ToBeVisibleAsync();
            await Chromium.CaptureAsync(page, "dashboard");

            await p1New.ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/incidents\\?priority=1&state=New$"));
            await Assertions.Expect(page.GetByTestId("incident-list")).ToContainTextAsync(title);
            (await page.GetByTestId("incident-list").Locator("[data-priority]").AllInnerTextsAsync()).Should().OnlyContain(p => p == "P1");
        });

        chromium.Errors.Should().BeEmpty();
    }

    private sealed record IncidentList(List<IncidentItem> Items);

    private sealed record IncidentItem(Guid Id, string State, string? AssignmentGroup);
}
