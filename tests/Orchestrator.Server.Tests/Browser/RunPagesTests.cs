using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Orchestrator.Server.Tests.Hosting;
using Orchestrator.Server.Tests.Workflows;
using static Orchestrator.Server.Tests.Workflows.DefinitionJson;

namespace Orchestrator.Server.Tests.Browser;

/// <summary>Watching runs: the run page's flowchart follows the run live; retry and test runs start from the UI.</summary>
public sealed class RunPagesTests(SqliteServerFixture fixture) : IClassFixture<SqliteServerFixture>
{
    private static readonly LocatorAssertionsToHaveAttributeOptions Live = new() { Timeout = 20_000 };

    private string Url(string path) => new Uri(fixture.Client.BaseAddress!, path).ToString();

    private static ILocator Activity(IPage page, string id) => page.GetByTestId("flow-canvas").Locator($"[data-activity-id='{id}']");

    [Fact]
    public async Task The_run_page_shows_what_a_run_waits_for_and_follows_it_to_the_end_without_a_reload()
    {
        var correlation = WorkflowCalls.NewId("watch");
        var definitionId = await fixture.Client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("ui-watch"),
            [Start, WaitFor("wait", "go"), Log("done", "'went on'")], ["start -> wait", "wait -> done"], name: "Watch me (UI test)"));
        var instanceId = await fixture.Client.RunAsync(definitionId, correlationId: correlation);
        await fixture.Client.WaitForBookmarkAsync(instanceId, "wait");
        await using var chromium = await Chromium.StartAsync();

        await chromium.OnPageAsync("run-live", async page =>
        {
            await Chromium.GotoInteractiveAsync(page, Url("/runs"));
            await Assertions.Expect(page.GetByTestId("run-list").GetByRole(AriaRole.Link, new() { Name = instanceId })).ToBeVisibleAsync(new() { Timeout = 20_000 });
            await page.GetByLabel("Filter by correlation id").FillAsync(correlation);
            await page.GetByLabel("Filter by correlation id").PressAsync("Enter");
            await Assertions.Expect(page.GetByTestId("run-list").Locator("tbody tr")).ToHaveCountAsync(1);
            await page.GetByTestId("run-list").GetByRole(AriaRole.Link, new() { Name = instanceId }).ClickAsync();

            await Assertions.Expect(page).ToHaveURLAsync(Url($"/runs/{instanceId}"));
            await Assertions.Expect(Activity(page, "start")).ToHaveAttributeAsync("data-status", "done", Live);
            await Assertions.Expect(Activity(page, "wait")).ToHaveAttributeAsync("data-status", "waiting");
            await Assertions.Expect(Activity(page, "done")).ToHaveAttributeAsync("data-status", "pending");
            await Assertions.Expect(page.GetByTestId("run-status")).ToHaveTextAsync("Suspended");
            await Activity(page, "wait").ClickAsync();
            await Assertions.Expect(page.GetByTestId("run-panel")).ToContainTextAsync("event 'go'");
            await Chromium.CaptureAsync(page, "run-waiting");

            await fixture.Client.SendEventAsync("go", correlation);

            await Assertions.Expect(Activity(page, "done")).ToHaveAttributeAsync("data-status", "done", Live);
            await Assertions.Expect(Activity(page, "wait")).ToHaveAttributeAsync("data-status", "done");
            await Assertions.Expect(page.GetByTestId("run-status")).ToHaveTextAsync("Finished");
            await Assertions.Expect(page.GetByTestId("flow-canvas").Locator(".react-flow__edge.edge-taken")).ToHaveCountAsync(2);
            await Assertions.Expect(page.GetByTestId("run-journal").Locator("tbody tr")).ToHaveCountAsync(3);
            await Chromium.CaptureAsync(page, "run-finished");

            // The responder paged at night opens the run on a phone.
            await page.SetViewportSizeAsync(375, 800);
            await Assertions.Expect(page.GetByTestId("flow-canvas")).ToBeVisibleAsync();
            await Chromium.SettledWidthAsync(page, 375); // the layout reflows a moment after the resize (ripples fade, breakpoints apply)
            var wide = await page.EvaluateAsync<string[]>("[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 376).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).slice(0, 12)");
            (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(375, "the run page fits a phone: " + string.Join(" | ", wide));
            await Chromium.CaptureAsync(page, "run-phone");
        });

        chromium.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task A_faulted_run_is_retried_from_the_failed_step_on_its_page()
    {
        var definitionId = await fixture.Client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("ui-retry"),
            [Start, Log("broken", "outputs.nowhere.value + 1")], ["start -> broken"], name: "Fails (UI test)"));
        var instanceId = await fixture.Client.RunAsync(definitionId);
        await fixture.Client.WaitForStatusAsync(instanceId, "Faulted");
        await using var chromium = await Chromium.StartAsync();

        await chromium.OnPageAsync("run-retry", async page =>
        {
            await page.GotoAsync(Url($"/runs/{instanceId}"));
            await Assertions.Expect(Activity(page, "broken")).ToHaveAttributeAsync("data-status", "failed", Live);
            await Assertions.Expect(page.GetByTestId("run-fault")).ToContainTextAsync("broken");

            await page.GetByRole(AriaRole.Button, new() { Name = "Retry from the failed step" }).ClickAsync();

            // It fails again (nothing changed), but it ran again: twice in the journal, and the badge counts it.
            await Assertions.Expect(page.GetByTestId("run-journal").Locator("tbody tr", new() { HasText = "broken" })).ToHaveCountAsync(2, new() { Timeout = 20_000 });
            await Assertions.Expect(Activity(page, "broken").Locator(".activity-status")).ToHaveTextAsync(new Regex(@"failed ×2"));
            await Assertions.Expect(page.GetByTestId("run-status")).ToHaveTextAsync("Faulted");
        });

        chromium.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task A_test_run_from_the_designer_runs_the_draft_with_the_input_given_and_opens_it()
    {
        var definitionId = await fixture.Client.CreateDefinitionAsync(Definition(WorkflowCalls.NewId("ui-test-run"),
            [Start, Log("greet", "'hello ' + input.who")], ["start -> greet"], name: "Draft to try (UI test)"));
        await using var chromium = await Chromium.StartAsync();

        await chromium.OnPageAsync("designer-test-run", async page =>
        {
            await page.GotoAsync(Url($"/workflows/{definitionId}"));
            await Assertions.Expect(page.GetByTestId("flow-canvas").Locator("[data-activity-id]")).ToHaveCountAsync(2, new() { Timeout = 20_000 });
            await page.GetByRole(AriaRole.Button, new() { Name = "Test run" }).ClickAsync();
            await page.GetByLabel("Test run input").FillAsync("{\"who\": \"on-call\"}");
            await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Run", Exact = true }).ClickAsync();

            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/runs/[^/]+$"), new() { Timeout = 20_000 });
            await Assertions.Expect(page.GetByTestId("run-status")).ToHaveTextAsync("Finished", new() { Timeout = 20_000 });
            await page.GetByTestId("run-journal").Locator("tbody tr", new() { HasText = "greet" }).ClickAsync(); // a journal row selects its activity
            await Assertions.Expect(page.GetByTestId("run-panel")).ToContainTextAsync("hello on-call");
        });

        chromium.Errors.Should().BeEmpty();
    }
}
