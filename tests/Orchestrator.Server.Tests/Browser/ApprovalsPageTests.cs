using Microsoft.Playwright;
using Orchestrator.Server.Tests.Api;
using Orchestrator.Server.Tests.Hosting;
using Orchestrator.Server.Tests.Workflows;
using static Orchestrator.Server.Tests.Workflows.DefinitionJson;

namespace Orchestrator.Server.Tests.Browser;

/// <summary>The approvals inbox: decided from the browser, the run goes on; new approvals arrive without a reload; it fits
/// a phone.</summary>
public sealed class ApprovalsPageTests(SqliteServerFixture fixture) : IClassFixture<SqliteServerFixture>
{
    private string Url(string path) => new Uri(fixture.Client.BaseAddress!, path).ToString();

    private async Task<string> PublishAsync(string title, string assignee) =>
        await fixture.Client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("ui-approve"),
            [Start, Node("ask", "Approval", new { title, assignees = new[] { assignee } }), Log("yes", "'approved'"), Log("no", "'rejected'")],
            ["start -> ask", "ask.Approve -> yes", "ask.Reject -> no"], name: $"Approve: {title}"));

    [Fact]
    public async Task An_approval_decided_in_the_inbox_moves_its_run_on_and_a_new_one_appears_without_a_reload_on_a_phone()
    {
        var group = WorkflowCalls.NewId("sre");
        var first = await fixture.Client.RunAsync(await PublishAsync("Restart checkout?", group));
        await fixture.Client.WaitForBookmarkAsync(first, "ask");
        await using var chromium = await Chromium.StartAsync();

        await chromium.OnPageAsync("approvals-inbox", async page =>
        {
            await page.SetViewportSizeAsync(375, 800);
            await Chromium.GotoInteractiveAsync(page, Url("/approvals")); // the inbox is prerendered: typing before that is lost
            await page.GetByLabel("Filter by assignee").FillAsync(group);
            var card = page.GetByTestId("approval").Filter(new() { HasText = "Restart checkout?" });
            await Assertions.Expect(card).ToHaveCountAsync(1);
            (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(375, "the inbox fits a phone without scrolling sideways");
            await Chromium.CaptureAsync(page, "approvals-phone");

            await card.GetByLabel("Comment on Restart checkout?").FillAsync("go ahead, low traffic");
            await card.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
            await Assertions.Expect(card).ToHaveCountAsync(0);

            // One asked while the page is open arrives by itself.
            var second = await fixture.Client.RunAsync(await PublishAsync("Page the DBA?", group));
            await fixture.Client.WaitForBookmarkAsync(second, "ask");
            await Assertions.Expect(page.GetByTestId("approval").Filter(new() { HasText = "Page the DBA?" })).ToHaveCountAsync(1, new() { Timeout = 10_000 });
        });

        var run = await fixture.Client.WaitForStatusAsync(first, "Finished");
        run.JournalIds().Should().Equal("start", "ask", "yes");
        run.SingleEntry("ask")["outputs"]!.Str("comment").Should().Be("go ahead, low traffic");
        chromium.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task An_approval_for_a_run_about_an_incident_shows_the_incident_and_links_to_it()
    {
        var assignee = WorkflowCalls.NewId("ic");
        var incident = await fixture.Client.CreateIncidentAsync(new { title = $"Checkout 502s ({Guid.NewGuid():N})", impact = 1, urgency = 1, service = "checkout" });
        var run = await fixture.Client.RunAsync(await PublishAsync("Fail over checkout?", assignee), correlationId: incident.Id());
        await fixture.Client.WaitForBookmarkAsync(run, "ask");
        await using var chromium = await Chromium.StartAsync();

        await chromium.OnPageAsync("approvals-incident", async page =>
        {
            await Chromium.GotoInteractiveAsync(page, Url("/approvals"));
            await page.GetByLabel("Filter by assignee").FillAsync(assignee);
            var card = page.GetByTestId("approval").Filter(new() { HasText = "Fail over checkout?" });
            await Assertions.Expect(card.GetByTestId("approval-incident-context")).ToContainTextAsync(incident.Str("title"));
            await Assertions.Expect(card.GetByTestId("approval-incident-context")).ToContainTextAsync("P1");
            await card.GetByTestId("approval-incident").ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(Url($"/incidents/{incident.Str("number")}"));
        });

        chromium.Errors.Should().BeEmpty();
    }
}
