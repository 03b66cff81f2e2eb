using System.Net;
using Microsoft.Playwright;
using Orchestrator.Server.Tests.Api;
using Orchestrator.Server.Tests.Hosting;

namespace Orchestrator.Server.Tests.Browser;

/// <summary>Service levels in the browser: the settings page edits policies and calendars (a bad time zone is refused
/// beside its field, nothing saved), and the incident page shows its clocks.</summary>
public sealed class SlaPagesTests(SqliteServerFixture fixture) : IClassFixture<SqliteServerFixture>
{
    private string Url(string path) => new Uri(fixture.Client.BaseAddress!, path).ToString();

    [Fact]
    public async Task Policies_and_calendars_are_edited_on_the_settings_page_and_the_incident_page_shows_its_clocks()
    {
        await using var chromium = await Chromium.StartAsync();

        await chromium.OnPageAsync("sla-settings", async page =>
        {
            await Chromium.GotoInteractiveAsync(page, Url("/settings"));
            var p3 = page.GetByTestId("sla-policy-3");
            await p3.GetByLabel("P3 response minutes").FillAsync("120");
            await p3.GetByLabel("P3 resolution minutes").FillAsync("600");
            var calendar = page.GetByTestId("sla-calendar").First;
            await calendar.GetByLabel("Time zone (IANA)").FillAsync("Mars/Olympus");
            await page.GetByTestId("save-sla").ClickAsync();
            await Assertions.Expect(calendar).ToContainTextAsync("'Mars/Olympus' is not an IANA time zone");
            (await (await fixture.Client.GetAsync("/api/settings/sla")).ShouldBeAsync(HttpStatusCode.OK))["calendars"]![0]!.Str("timeZone")
                .Should().Be("UTC", "nothing is saved while a field is wrong");

            await calendar.GetByLabel("Time zone (IANA)").FillAsync("Europe/Berlin");
            await page.GetByTestId("save-sla").ClickAsync();
            await Assertions.Expect(page.GetByText("Service levels saved")).ToBeVisibleAsync();
            var saved = await (await fixture.Client.GetAsync("/api/settings/sla")).ShouldBeAsync(HttpStatusCode.OK);
            saved["calendars"]![0]!.Str("timeZone").Should().Be("Europe/Berlin");
            var policy = saved["policies"]!.AsArray().Single(p => p!.Int("priority") == 3)!;
            (policy["responseMinutes"]!.GetValue<double>(), policy["resolutionMinutes"]!.GetValue<double>()).Should().Be((120, 600));
            await Chromium.CaptureAsync(page, "sla-settings");
        });

        var incident = await fixture.Client.CreateIncidentAsync(new { title = "Search is slow", impact = 2, urgency = 2, service = "search" });
        await chromium.OnPageAsync("sla-incident", async page =>
        {
            await Chromium.GotoInteractiveAsync(page, Url($"/incidents/{incident.Str("number")}"));
            var sla = page.GetByTestId("incident-sla");
            await Assertions.Expect(sla.GetByTestId("sla-response")).ToContainTextAsync("2 h");
            await Assertions.Expect(sla.GetByTestId("sla-resolution")).ToContainTextAsync("10 h");
            await Assertions.Expect(sla.GetByTestId("sla-resolution")).ToContainTextAsync("left · due");
            await Chromium.CaptureAsync(page, "sla-incident");
        });

        chromium.Errors.Should().BeEmpty();
    }
}
