using Microsoft.Playwright;
using Orchestrator.Server.Tests.Hosting;
using Orchestrator.Server.Tests.Workflows;
using static Orchestrator.Server.Tests.Workflows.DefinitionJson;

namespace Orchestrator.Server.Tests.Browser;

/// <summary>The workflow list and a workflow's flowchart on the canvas island, in Debian's Chromium.</summary>
public sealed class WorkflowPagesTests(SqliteServerFixture fixture) : IClassFixture<SqliteServerFixture>
{
    private string Url(string path) => new Uri(fixture.Client.BaseAddress!, path).ToString();

    [Fact]
    public async Task The_list_links_to_a_workflow_whose_flowchart_shows_every_activity_with_its_ports()
    {
        var definitionId = await fixture.Client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("ui-restart"),
            [Start,
             Node("ask", "Approval", new { title = "Restart?", assignees = new[] { "sre" } }),
             Node("call", "http.Request", new { url = "http://127.0.0.1:9/restart", method = "POST" }),
             Log("done", "'restarted'"),
             Log("escalate", "'call failed: ' + outputs.call.error")],
            ["start -> ask", "ask.Approve -> call", "call -> done", "call.Failed -> escalate"],
            name: "Restart after approval (UI test)"));
        await using var chromium = await Chromium.StartAsync();

        await chromium.OnPageAsync("workflow-canvas", async page =>
        {
            await Chromium.GotoInteractiveAsync(page, Url("/workflows"));
            await page.GetByPlaceholder("Find a workflow").FillAsync("UI test");
            await page.GetByRole(AriaRole.Link, new() { Name = "Restart after approval (UI test)" }).ClickAsync();

            await Assertions.Expect(page).ToHaveURLAsync(Url($"/workflows/{definitionId}"));
            var canvas = page.GetByTestId("flow-canvas");
            await Assertions.Expect(canvas.Locator("[data-activity-id]")).ToHaveCountAsync(5, new() { Timeout = 20_000 });
            await Assertions.Expect(canvas.Locator("[data-activity-id='call'] [data-port]")).ToHaveCountAsync(2);
            await Assertions.Expect(canvas.Locator("[data-activity-id='call'] [data-port='Failed']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("failed"));
            await Assertions.Expect(canvas.Locator("[data-activity-id='ask'] [data-port]")).ToHaveTextAsync(["Approve", "Reject", "TimedOut", "Failed"]);
            await Assertions.Expect(canvas.Locator(".react-flow__edge")).ToHaveCountAsync(4);

            await canvas.Locator("[data-activity-id='call']").ClickAsync();
            var panel = page.GetByTestId("activity-panel");
            await Assertions.Expect(panel).ToContainTextAsync("call");
            await Assertions.Expect(panel.GetByLabel("url", new() { Exact = true })).ToHaveValueAsync("http://127.0.0.1:9/restart");
            await Chromium.CaptureAsync(page, "workflow-view");
        });

        chromium.Errors.Should().BeEmpty();
        chromium.Outbound.Should().BeEmpty("the UI loads nothing from outside the machine");
    }

    [Fact]
    public async Task An_unknown_workflow_says_so_and_links_back_to_the_list()
    {
        await using var chromium = await Chromium.StartAsync();

        await chromium.OnPageAsync("workflow-missing", async page =>
        {
            await page.GotoAsync(Url("/workflows/no-such-workflow"));

            await Assertions.Expect(page.GetByText("No workflow with the id")).ToBeVisibleAsync(new() { Timeout = 20_000 });
            await page.GetByRole(AriaRole.Link, new() { Name = "All workflows" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(Url("/workflows"));
        });
    }
}
