using Microsoft.Playwright;
using Orchestrator.Server.Tests.Api;
using Orchestrator.Server.Tests.Hosting;

namespace Orchestrator.Server.Tests.Browser;

/// <summary>Templates in the browser: the list, the editor's live preview over the sample or a real incident, a syntax
/// error shown beside the field (nothing saved), saving an edit and resetting it to the shipped text.</summary>
public sealed class TemplatePagesTests(SqliteServerFixture fixture) : IClassFixture<SqliteServerFixture>
{
    private string Url(string path) => new Uri(fixture.Client.BaseAddress!, path).ToString();

    [Fact]
    public async Task A_template_is_edited_with_a_live_preview_refused_beside_the_field_when_broken_saved_and_reset()
    {
        var incident = await fixture.Client.CreateIncidentAsync(new { title = "Invoices stuck in the queue", impact = 2, urgency = 2, service = "billing", caller = "sam@example.com" });
        await using var chromium = await Chromium.StartAsync();

        await chromium.OnPageAsync("template-editor", async page =>
        {
            await Chromium.GotoInteractiveAsync(page, Url("/templates"));
            var list = page.GetByTestId("template-list");
            foreach (var name in new[] { "customer-new", "customer-update", "customer-resolved", "stakeholder-update", "closure-report", "post-incident-review" })
            {
                await Assertions.Expect(list).ToContainTextAsync(name);
            }

            await list.GetByRole(AriaRole.Link, new() { Name = "customer-new", Exact = true }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(Url("/templates/customer-new"));
            await Assertions.Expect(page.Locator("[data-interactive='true']")).ToHaveCountAsync(1);
            var preview = page.GetByTestId("template-preview");
            await Assertions.Expect(preview.Locator("h1")).ToHaveTextAsync("We are on it: Checkout returns 502 for some customers");
            await Assertions.Expect(page.GetByTestId("save-template")).ToBeDisabledAsync();

            // Over a real incident.
            await page.GetByTestId("preview-with").ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { NameString = $"{incident.Str("number")} · Invoices stuck in the queue" }).ClickAsync();
            await Assertions.Expect(preview.Locator("h1")).ToHaveTextAsync("We are on it: Invoices stuck in the queue");
            await Assertions.Expect(preview).ToContainTextAsync("Hello sam@example.com");

            // A broken edit: the error is beside the field, the preview keeps the last good render, nothing is saved.
            var editor = page.GetByTestId("template-content");
            await editor.FillAsync("# {{ incident.number }} {{ if incident.caller }}\n\nno end");
            await Assertions.Expect(page.Locator(".mud-input-control", new() { Has = editor })).ToContainTextAsync("does not parse: line 1, column");
            await Chromium.CaptureAsync(page, "template-error");

            await editor.FillAsync("# Hello from {{ incident.number }}\n\nThanks, **{{ incident.caller }}**.");
            await Assertions.Expect(preview.Locator("h1")).ToHaveTextAsync($"Hello from {incident.Str("number")}");
            await Assertions.Expect(preview.Locator("strong")).ToHaveTextAsync("sam@example.com");
            await page.GetByTestId("save-template").ClickAsync();
            await Assertions.Expect(page.GetByTestId("template-source")).ToHaveTextAsync("Edited");
            (await fixture.Client.GetAsync("/api/templates/customer-new")).Should().NotBeNull();
            (await (await fixture.Client.GetAsync("/api/templates/customer-new")).ShouldBeAsync(System.Net.HttpStatusCode.OK)).Str("content")
                .Should().StartWith("# Hello from {{ incident.number }}");

            await page.GetByRole(AriaRole.Button, new() { Name = "Reset to shipped" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("template-source")).ToHaveTextAsync("Shipped");
            await Assertions.Expect(preview.Locator("h1")).ToHaveTextAsync("We are on it: Invoices stuck in the queue");
        });

        await chromium.OnPageAsync("template-closure-report", async page =>
        {
            await page.SetViewportSizeAsync(1400, 1000);
            await Chromium.GotoInteractiveAsync(page, Url("/templates/closure-report"));
            await Assertions.Expect(page.GetByTestId("template-preview")).ToContainTextAsync("Automated actions");
            await Chromium.CaptureAsync(page, "template-closure-report");
        });

        chromium.Errors.Should().BeEmpty();
    }
}
