using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Orchestrator.Server.Tests.Api;
using Orchestrator.Server.Tests.Hosting;
using Orchestrator.Server.Tests.Workflows;
using static Orchestrator.Server.Tests.Workflows.DefinitionJson;

namespace Orchestrator.Server.Tests.Browser;

/// <summary>The pages work without a mouse: everything used here is reached with Tab (in page order, from the top) and
/// pressed with Enter or Space — recording an incident, moving it on, adding an activity in the designer, deciding an
/// approval.</summary>
public sealed class KeyboardTests(SqliteServerFixture fixture) : IClassFixture<SqliteServerFixture>
{
    private string Url(string path) => new Uri(fixture.Client.BaseAddress!, path).ToString();

    /// <summary>Presses Tab until <paramref name="target"/> has the focus (failing after <paramref name="most"/> presses).</summary>
    private static async Task TabToAsync(IPage page, ILocator target, int most = 120)
    {
        for (var i = 0; i < most; i++)
        {
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement || e.contains(document.activeElement)"))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        var focused = await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML?.slice(0, 200) ?? 'nothing'");
        throw new Xunit.Sdk.XunitException($"Not reached with {most} presses of Tab; the focus is on {focused}");
    }

    [Fact]
    public async Task An_incident_is_recorded_and_moved_on_with_the_keyboard_alone()
    {
        var title = $"Keyboard only ({Guid.NewGuid():N})";
        await using var chromium = await Chromium.StartAsync();

        await chromium.OnPageAsync("keyboard-incident", async page =>
        {
            await Chromium.GotoInteractiveAsync(page, Url("/incidents"));
            await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "New incident" }));
            await page.Keyboard.PressAsync("Enter");
            var dialog = page.GetByRole(AriaRole.Dialog);
            await TabToAsync(page, dialog.GetByLabel("Title"));
            await page.Keyboard.TypeAsync(title);
            await TabToAsync(page, dialog.GetByRole(AriaRole.Button, new() { Name = "Record incident" }));
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/incidents/INC\\d+$"));

            await Assertions.Expect(page.Locator("[data-interactive='true']")).ToHaveCountAsync(1);
            await TabToAsync(page, page.GetByTestId("transitions").GetByRole(AriaRole.Button, new() { Name = "Start work" }));
            await page.Keyboard.PressAsync("Enter");
            var confirm = page.GetByRole(AriaRole.Dialog);
            await TabToAsync(page, confirm.Locator(".mud-dialog-actions button").Last);
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.GetByTestId("state")).ToHaveTextAsync("In progress");
        });

        chromium.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task An_activity_is_added_from_the_toolbox_and_an_approval_decided_with_the_keyboard_alone()
    {
        var assignee = WorkflowCalls.NewId("kb");
        var definitionId = await fixture.Client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("keyboard"),
            [Start, Node("ask", "Approval", new { title = "Keyboard approve?", assignees = new[] { assignee } }), Log("yes", "'approved'")],
            ["start -> ask", "ask.Approve -> yes"], name: "Keyboard test"));
        var run = await fixture.Client.RunAsync(definitionId);
        await fixture.Client.WaitForBookmarkAsync(run, "ask");
        await using var chromium = await Chromium.StartAsync();

        await chromium.OnPageAsync("keyboard-designer", async page =>
        {
            await page.GotoAsync(Url($"/workflows/{definitionId}"));
            await Assertions.Expect(page.GetByTestId("flow-canvas").Locator("[data-activity-id]")).ToHaveCountAsync(3, new() { Timeout = 20_000 });
            await Assertions.Expect(page.Locator("[data-interactive='true']")).ToHaveCountAsync(1);
            await TabToAsync(page, page.GetByTestId("toolbox").Locator("[data-toolbox-type='Log']"), most: 200);
            await page.Keyboard.PressAsync("Enter");
            // (not a count of all activities: the canvas draws only what is in view, and it brings the new one into view)
            await Assertions.Expect(page.GetByTestId("flow-canvas").Locator("[data-activity-id='log']")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("unsaved-chip")).ToBeVisibleAsync();

            await Chromium.GotoInteractiveAsync(page, Url("/approvals"));
            await TabToAsync(page, page.GetByLabel("Filter by assignee"));
            await page.Keyboard.TypeAsync(assignee);
            var card = page.GetByTestId("approval").Filter(new() { HasText = "Keyboard approve?" });
            await Assertions.Expect(card).ToHaveCountAsync(1);
            await TabToAsync(page, card.GetByRole(AriaRole.Button, new() { Name = "Approve" }));
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(card).ToHaveCountAsync(0);
        });

        (await fixture.Client.WaitForStatusAsync(run, "Finished")).JournalIds().Should().Equal("start", "ask", "yes");
        chromium.Errors.Should().BeEmpty();
    }
}
