using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Orchestrator.Server.Tests.Hosting;
using Orchestrator.Server.Tests.Workflows;
using static Orchestrator.Server.Tests.Workflows.DefinitionJson;

namespace Orchestrator.Server.Tests.Browser;

/// <summary>Designing a workflow on /workflows/{id} as a process owner would: toolbox, canvas, property panel, undo,
/// save and publish — in Debian's Chromium, checked against what the API then stores.</summary>
public sealed class WorkflowDesignerTests(SqliteServerFixture fixture) : IClassFixture<SqliteServerFixture>
{
    private static readonly PageAssertionsToHaveURLOptions Slow = new() { Timeout = 20_000 };

    private string Url(string path) => new Uri(fixture.Client.BaseAddress!, path).ToString();

    private async Task<string> PublishedHelloAsync(string prefix) =>
        await fixture.Client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId(prefix), [Start, Log("hello", "'hello'")], ["start -> hello"],
            name: $"Designer test {prefix}"));

    private static ILocator Activity(IPage page, string id) => page.GetByTestId("flow-canvas").Locator($"[data-activity-id='{id}']");

    private static async Task OpenAsync(IPage page, string url, int activities)
    {
        await page.GotoAsync(url);
        await Assertions.Expect(page.GetByTestId("flow-canvas").Locator("[data-activity-id]")).ToHaveCountAsync(activities, new() { Timeout = 20_000 });
    }

    [Fact]
    public async Task An_activity_dragged_from_the_toolbox_connected_and_filled_in_is_saved_and_published()
    {
        var definitionId = await PublishedHelloAsync("designer-build");
        await using var chromium = await Chromium.StartAsync();

        await chromium.OnPageAsync("designer-build", async page =>
        {
            await OpenAsync(page, Url($"/workflows/{definitionId}"), 2);
            await Assertions.Expect(page.GetByTestId("unsaved-chip")).ToHaveCountAsync(0);

            // Drag "Log" from the toolbox onto empty canvas: it arrives selected, with what is missing flagged.
            var canvas = page.GetByTestId("flow-canvas");
            var box = (await canvas.BoundingBoxAsync())!;
            await page.GetByTestId("toolbox").Locator("[data-toolbox-type='Log']").DragToAsync(canvas,
                new() { TargetPosition = new() { X = box.Width * 0.4f, Y = box.Height * 0.7f } });
            var log = Activity(page, "log");
            await Assertions.Expect(log).ToHaveClassAsync(new Regex("invalid"));
            await Assertions.Expect(page.GetByTestId("unsaved-chip")).ToBeVisibleAsync();
            var panel = page.GetByTestId("activity-panel");
            await Assertions.Expect(panel.GetByLabel("Activity id")).ToHaveValueAsync("log");
            await Assertions.Expect(page.GetByTestId("validation-list")).ToContainTextAsync("cannot be reached from Start");
            await Assertions.Expect(page.GetByTestId("validation-list")).ToContainTextAsync("message is required");

            // Connect hello's Done port to it, and give it a message: the problems go away.
            await Activity(page, "hello").Locator("[data-port='Done'] .react-flow__handle").DragToAsync(log.Locator(".react-flow__handle.target"));
            await Assertions.Expect(canvas.Locator(".react-flow__edge")).ToHaveCountAsync(2);
            await panel.GetByLabel("message", new() { Exact = true }).FillAsync("restarted");
            await panel.GetByLabel("message", new() { Exact = true }).PressAsync("Tab");
            await Assertions.Expect(log).Not.ToHaveClassAsync(new Regex("invalid"));
            await Assertions.Expect(page.GetByTestId("validation-list")).ToHaveCountAsync(0);

            // Delete it and take that back.
            await log.ClickAsync();
            await page.Keyboard.PressAsync("Delete");
            await Assertions.Expect(log).ToHaveCountAsync(0);
            await page.Keyboard.PressAsync("Control+z");
            await Assertions.Expect(log).ToHaveCountAsync(1);
            await Assertions.Expect(canvas.Locator(".react-flow__edge")).ToHaveCountAsync(2);
            await Chromium.CaptureAsync(page, "designer-editing");

            await page.GetByRole(AriaRole.Button, new() { Name = "Save and publish" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("version-chip")).ToHaveTextAsync(new Regex(@"v2\s+published"));
            await Assertions.Expect(page.GetByTestId("unsaved-chip")).ToHaveCountAsync(0);
        });

        var stored = (await fixture.Client.GetFromJsonAsync<JsonNode>($"/api/workflow-definitions/{definitionId}"))!;
        stored["version"]!.GetValue<int>().Should().Be(2);
        stored["isPublished"]!.GetValue<bool>().Should().BeTrue();
        var added = stored["root"]!["activities"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == "log")!;
        added["type"]!.GetValue<string>().Should().Be("Log");
        added["inputs"]!["message"]!.GetValue<string>().Should().Be("restarted");
        added["position"].Should().NotBeNull("a dropped activity stays where it was dropped");
        stored["root"]!["connections"]!.AsArray().Select(c => $"{c!["source"]!["activity"]} -> {c["target"]!["activity"]}")
            .Should().BeEquivalentTo(["start -> hello", "hello -> log"]);
        chromium.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task Unsaved_work_survives_a_reload_and_a_version_saved_elsewhere_is_a_conflict_not_overwritten()
    {
        var definitionId = await PublishedHelloAsync("designer-keep");
        await using var chromium = await Chromium.StartAsync();

        await chromium.OnPageAsync("designer-keep", async page =>
        {
            page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
            await OpenAsync(page, Url($"/workflows/{definitionId}"), 2);
            await Activity(page, "hello").ClickAsync();
            await page.GetByTestId("toolbox").GetByRole(AriaRole.Button, new() { Name = "Add Delay to the flowchart" }).ClickAsync();
            await Assertions.Expect(Activity(page, "delay")).ToBeVisibleAsync(); // added and connected in one edit (checked in what is stored, below)
            await Assertions.Expect(page.GetByTestId("unsaved-chip")).ToBeVisibleAsync();

            // A reload (tab closed, connection lost) offers the work back.
            await OpenAsync(page, Url($"/workflows/{definitionId}"), 2);
            await page.GetByTestId("kept-draft").GetByRole(AriaRole.Button, new() { Name = "Restore them" }).ClickAsync();
            await Assertions.Expect(Activity(page, "delay")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("unsaved-chip")).ToBeVisibleAsync();
            await Activity(page, "delay").ClickAsync();

            // Someone else saves version 2 meanwhile; saving ours is a conflict the user decides.
            var theirs = Definition(definitionId, [Start, Log("hello", "'hello from the API'")], ["start -> hello"], name: "Saved elsewhere");
            (await fixture.Client.PutAsync($"/api/workflow-definitions/{definitionId}", new StringContent(theirs, System.Text.Encoding.UTF8, "application/json")))
                .IsSuccessStatusCode.Should().BeTrue();
            await page.GetByLabel("seconds", new() { Exact = true }).FillAsync("5");
            await page.GetByLabel("seconds", new() { Exact = true }).PressAsync("Tab");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("save-conflict")).ToContainTextAsync("Version 2");

            await page.GetByRole(AriaRole.Button, new() { Name = "Save mine as the latest" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("version-chip")).ToHaveTextAsync(new Regex(@"v3\s+draft"));
            await Assertions.Expect(page.GetByTestId("save-conflict")).ToHaveCountAsync(0);
        });

        var stored = (await fixture.Client.GetFromJsonAsync<JsonNode>($"/api/workflow-definitions/{definitionId}"))!;
        stored["version"]!.GetValue<int>().Should().Be(3);
        var delay = stored["root"]!["activities"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == "delay")!;
        delay["inputs"]!["seconds"]!.GetValue<double>().Should().Be(5);
        stored["root"]!["connections"]!.AsArray().Select(c => $"{c!["source"]!["activity"]} -> {c["target"]!["activity"]}")
            .Should().BeEquivalentTo(["start -> hello", "hello -> delay"], "+ in the toolbox connects the new activity after the selected one");
    }

    [Fact]
    public async Task An_earlier_version_opens_read_only_from_the_versions_menu_and_reverting_makes_it_the_latest_draft()
    {
        var definitionId = await fixture.Client.CreateDefinitionAsync(Definition(WorkflowCalls.NewId("designer-revert"), [Start, Log("hello", "'first words'")], ["start -> hello"],
            name: "Designer test revert"));
        (await fixture.Client.PutAsync($"/api/workflow-definitions/{definitionId}", new StringContent(
            Definition(definitionId, [Start, Log("hello", "'second words'")], ["start -> hello"], name: "Designer test revert"), System.Text.Encoding.UTF8, "application/json")))
            .IsSuccessStatusCode.Should().BeTrue();
        await using var chromium = await Chromium.StartAsync();

        await chromium.OnPageAsync("designer-revert", async page =>
        {
            await OpenAsync(page, Url($"/workflows/{definitionId}"), 2);
            await page.GetByTestId("versions-menu").ClickAsync();
            await page.Locator(".mud-popover-open [data-version='1']").ClickAsync();

            await Assertions.Expect(page).ToHaveURLAsync(Url($"/workflows/{definitionId}?version=1"));
            await Assertions.Expect(page.GetByTestId("old-version")).ToContainTextAsync("the latest is v2");
            await Activity(page, "hello").ClickAsync(new() { Timeout = 20_000 });
            await Assertions.Expect(page.GetByTestId("activity-panel")).ToContainTextAsync("first words");
            await Assertions.Expect(page.GetByTestId("toolbox")).ToHaveCountAsync(0, new() { Timeout = 1_000 });

            await page.GetByRole(AriaRole.Button, new() { Name = "Revert to v1" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(Url($"/workflows/{definitionId}"));
            await Assertions.Expect(page.GetByTestId("version-chip")).ToHaveTextAsync(new Regex(@"v3\s+draft"));
        });

        var latest = (await fixture.Client.GetFromJsonAsync<JsonNode>($"/api/workflow-definitions/{definitionId}"))!;
        latest["version"]!.GetValue<int>().Should().Be(3);
        latest["root"]!["activities"]![1]!["inputs"]!["message"]!["expr"]!.GetValue<string>().Should().Be("'first words'");
        chromium.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task An_expression_is_written_with_completion_and_previewed_against_the_latest_run()
    {
        var definitionId = await fixture.Client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("designer-expr"),
            [Start, Log("hello", "'hello ' + input.who"), Log("bye", "'bye'")], ["start -> hello", "hello -> bye"], name: "Designer test expressions"));
        await fixture.Client.WaitForStatusAsync(await fixture.Client.RunAsync(definitionId, new { who = "ops" }), "Finished");
        await using var chromium = await Chromium.StartAsync();

        await chromium.OnPageAsync("designer-expression", async page =>
        {
            await OpenAsync(page, Url($"/workflows/{definitionId}"), 3);
            await Activity(page, "bye").ClickAsync();
            var editor = page.GetByTestId("activity-panel").Locator("[data-expression-editor]");
            await Assertions.Expect(editor).ToHaveTextAsync("'bye'");

            await editor.ClickAsync();
            await page.Keyboard.PressAsync("Control+a");
            await page.Keyboard.TypeAsync("outputs.he");
            var completion = page.Locator(".cm-tooltip-autocomplete");
            await Assertions.Expect(completion).ToContainTextAsync("hello");
            await page.WaitForTimeoutAsync(150); // CodeMirror ignores an Enter within 75 ms of the list opening (a fast typist's newline)
            await page.Keyboard.PressAsync("Enter");
            await page.Keyboard.TypeAsync(".mes");
            await Assertions.Expect(completion).ToContainTextAsync("message");
            await page.WaitForTimeoutAsync(150);
            await page.Keyboard.PressAsync("Enter");
            await page.Keyboard.TypeAsync(" + '!'");
            await Assertions.Expect(editor).ToHaveTextAsync("outputs.hello.message + '!'");
            await Assertions.Expect(page.GetByTestId("expression-preview")).ToContainTextAsync("\"hello ops!\"", new() { Timeout = 5_000 });
            await Chromium.CaptureAsync(page, "designer-expression");

            await page.GetByLabel("Activity label").ClickAsync(); // leave the editor: the edit is applied
            await Assertions.Expect(page.GetByTestId("unsaved-chip")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("version-chip")).ToHaveTextAsync(new Regex(@"v2\s+draft"));
        });

        var saved = (await fixture.Client.GetFromJsonAsync<JsonNode>($"/api/workflow-definitions/{definitionId}"))!;
        saved["root"]!["activities"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == "bye")!["inputs"]!["message"]!["expr"]!.GetValue<string>()
            .Should().Be("outputs.hello.message + '!'");
        chromium.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task A_step_tested_on_its_own_with_a_typed_sample_input_feeds_the_preview_of_the_step_after_it()
    {
        var greet = Node("greet", "hello.Greet", new { name = Expr("input.who") });
        var definitionId = await fixture.Client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("designer-try"),
            [Start, greet, Log("bye", "outputs.greet.greeting + ' Bye.'")], ["start -> greet", "greet -> bye"], name: "Designer test try a step"));
        await using var chromium = await Chromium.StartAsync();

        await chromium.OnPageAsync("designer-test-step", async page =>
        {
            await OpenAsync(page, Url($"/workflows/{definitionId}"), 3);
            await Assertions.Expect(page.Locator("[data-interactive='true']")).ToHaveCountAsync(1);

            // No run yet: the preview says the expression has nothing to read.
            await Activity(page, "bye").ClickAsync();
            await Assertions.Expect(page.GetByTestId("expression-preview")).Not.ToContainTextAsync("Hello");

            // With no run yet the input is empty: trying the step is refused, naming the input whose expression fails.
            await Activity(page, "greet").ClickAsync();
            await page.GetByTestId("test-step").GetByRole(AriaRole.Button, new() { Name = "Test this step" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("test-step-refused")).ToContainTextAsync("Input 'name'");
            await Activity(page, "bye").ClickAsync();

            // A sample input typed in (a non-object refused beside the field).
            var picker = page.GetByTestId("preview-data");
            await picker.GetByLabel("Preview data").ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "A sample input I type" }).ClickAsync();
            await picker.GetByLabel("Sample input").FillAsync("[1, 2]");
            await picker.GetByLabel("Sample input").BlurAsync();
            await Assertions.Expect(picker).ToContainTextAsync("A run's input is a JSON object");
            await picker.GetByLabel("Sample input").FillAsync("{ \"who\": \"Ada\" }");
            await picker.GetByLabel("Sample input").BlurAsync();
            await Assertions.Expect(picker).Not.ToContainTextAsync("A run's input is a JSON object");

            await Activity(page, "greet").ClickAsync();
            var step = page.GetByTestId("test-step");
            await step.GetByRole(AriaRole.Button, new() { Name = "Test this step" }).ClickAsync();
            await Assertions.Expect(step.GetByTestId("test-step-outcome")).ToHaveTextAsync("Done");
            await Assertions.Expect(step.GetByTestId("test-step-outputs")).ToContainTextAsync("Hello, Ada!");
            await Assertions.Expect(picker.GetByTestId("tried-outputs")).ToContainTextAsync("greet");

            // The step after it previews against what the tried step returned.
            await Activity(page, "bye").ClickAsync();
            await Assertions.Expect(page.GetByTestId("expression-preview")).ToContainTextAsync("\"Hello, Ada! Bye.\"", new() { Timeout = 5_000 });
            await Chromium.CaptureAsync(page, "designer-test-step");

            // Forgetting the tried outputs takes the preview back to the sample input alone.
            await picker.GetByRole(AriaRole.Button, new() { Name = "Forget" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("expression-preview")).Not.ToContainTextAsync("Hello, Ada!");
        });

        (await fixture.Client.ListInstancesAsync($"definitionId={definitionId}"))["total"]!.GetValue<int>().Should().Be(0, "trying a step runs no workflow");
        chromium.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task The_preview_can_be_evaluated_against_an_older_run_chosen_from_the_list()
    {
        var definitionId = await fixture.Client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("designer-sample"),
            [Start, Log("hello", "'hi ' + input.who")], ["start -> hello"], name: "Designer test sample run"));
        await fixture.Client.WaitForStatusAsync(await fixture.Client.RunAsync(definitionId, new { who = "first" }), "Finished");
        await fixture.Client.WaitForStatusAsync(await fixture.Client.RunAsync(definitionId, new { who = "second" }), "Finished");
        await using var chromium = await Chromium.StartAsync();

        await chromium.OnPageAsync("designer-sample-run", async page =>
        {
            await OpenAsync(page, Url($"/workflows/{definitionId}"), 2);
            await Assertions.Expect(page.Locator("[data-interactive='true']")).ToHaveCountAsync(1);
            await Activity(page, "hello").ClickAsync();
            await Assertions.Expect(page.GetByTestId("expression-preview")).ToContainTextAsync("\"hi second\"");

            await page.GetByTestId("preview-data").GetByLabel("Preview data").ClickAsync();
            var options = page.GetByRole(AriaRole.Option);
            await Assertions.Expect(options).ToHaveCountAsync(4); // newest, the two runs (newest first), a typed input
            await options.Nth(2).ClickAsync();
            await Assertions.Expect(page.GetByTestId("expression-preview")).ToContainTextAsync("\"hi first\"");
        });

        chromium.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task A_trigger_added_in_the_settings_has_its_filter_previewed_and_starts_runs_once_published()
    {
        var definitionId = await PublishedHelloAsync("designer-trigger");
        var eventName = $"service.down.{Guid.NewGuid():N}"[..24];
        await using var chromium = await Chromium.StartAsync();

        await chromium.OnPageAsync("designer-trigger", async page =>
        {
            await OpenAsync(page, Url($"/workflows/{definitionId}"), 2);
            await Assertions.Expect(page.Locator("[data-interactive='true']")).ToHaveCountAsync(1);
            var picker = page.GetByTestId("preview-data");
            await picker.GetByLabel("Preview data").ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "A sample input I type" }).ClickAsync();
            await picker.GetByLabel("Sample input").FillAsync("{ \"severity\": \"critical\" }");
            await picker.GetByLabel("Sample input").BlurAsync();

            var triggers = page.GetByTestId("triggers");
            await triggers.GetByRole(AriaRole.Button, new() { Name = "Add trigger" }).ClickAsync();
            await Assertions.Expect(triggers).ToContainTextAsync("A trigger needs an event name or a cron schedule.");
            await triggers.GetByLabel("Trigger 1 event").FillAsync(eventName);
            await triggers.GetByLabel("Trigger 1 event").BlurAsync();
            await Assertions.Expect(triggers.GetByTestId("triggers-error")).ToHaveCountAsync(0);

            var filter = triggers.Locator("[data-expression-editor]");
            await filter.ClickAsync();
            await page.Keyboard.TypeAsync("input.sev");
            await Assertions.Expect(page.Locator(".cm-tooltip-autocomplete")).ToContainTextAsync("severity");
            await page.WaitForTimeoutAsync(150); // CodeMirror ignores an Enter within 75 ms of the list opening
            await page.Keyboard.PressAsync("Enter");
            await page.Keyboard.TypeAsync(" == \"critical\"");
            await Assertions.Expect(triggers.GetByTestId("filter-preview")).ToContainTextAsync("true → starts a run", new() { Timeout = 5_000 });
            await triggers.GetByLabel("Trigger 1 event").ClickAsync(); // leave the editor: the edit is applied
            await Chromium.CaptureAsync(page, "designer-trigger");

            await page.GetByRole(AriaRole.Button, new() { Name = "Save and publish" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("version-chip")).ToHaveTextAsync(new Regex(@"v2\s+published"));
        });

        var saved = (await fixture.Client.GetFromJsonAsync<JsonNode>($"/api/workflow-definitions/{definitionId}"))!;
        var trigger = saved["triggers"]!.AsArray().Should().ContainSingle().Subject!;
        (trigger["event"]!.GetValue<string>(), trigger["filter"]!.GetValue<string>()).Should().Be((eventName, "input.severity == \"critical\""));
        (await fixture.Client.SendEventAsync(eventName, null, new { severity = "minor" }))["started"]!.GetValue<int>().Should().Be(0);
        (await fixture.Client.SendEventAsync(eventName, null, new { severity = "critical" }))["started"]!.GetValue<int>().Should().Be(1);
        chromium.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task Two_versions_compared_show_what_was_added_changed_and_removed_on_one_canvas()
    {
        var definitionId = await fixture.Client.CreateDefinitionAsync(Definition(WorkflowCalls.NewId("designer-compare"),
            [Start, Log("hello", "'first words'"), Log("old", "'going away'")], ["start -> hello", "hello -> old"], name: "Designer test compare"));
        (await fixture.Client.PutAsync($"/api/workflow-definitions/{definitionId}", new StringContent(
            Definition(definitionId, [Start, Log("hello", "'second words'"), Node("wait", "Delay", new { seconds = 5 })], ["start -> hello", "hello -> wait"],
                name: "Designer test compare"), System.Text.Encoding.UTF8, "application/json")))
            .IsSuccessStatusCode.Should().BeTrue();
        await using var chromium = await Chromium.StartAsync();

        await chromium.OnPageAsync("workflow-compare", async page =>
        {
            await OpenAsync(page, Url($"/workflows/{definitionId}?version=1"), 3);
            await page.GetByRole(AriaRole.Link, new() { Name = "Compare with v2" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(Url($"/workflows/{definitionId}?version=1&compare=2"));

            var diff = page.GetByTestId("version-diff");
            await Assertions.Expect(diff).ToContainTextAsync("From v1 to v2");
            await Assertions.Expect(diff.Locator("[data-change='added']")).ToHaveTextAsync("+ wait");
            await Assertions.Expect(diff.Locator("[data-change='removed']")).ToHaveTextAsync("− old");
            await Assertions.Expect(diff.Locator("[data-change='changed']")).ToHaveTextAsync("~ hello: inputs.message");
            await Assertions.Expect(diff).ToContainTextAsync("connections: 1 added, 1 removed");
            await Assertions.Expect(Activity(page, "wait")).ToHaveAttributeAsync("data-status", "added");
            await Assertions.Expect(Activity(page, "old")).ToHaveAttributeAsync("data-status", "removed");
            await Assertions.Expect(Activity(page, "start")).ToHaveAttributeAsync("data-status", "unchanged");

            // A click while the canvas is still fitting the view can be taken for a pan: click again until it selects.
            for (var tries = 1; ; tries++)
            {
                await Activity(page, "hello").ClickAsync();
                try
                {
                    await Assertions.Expect(page.GetByTestId("diff-older")).ToBeVisibleAsync(new() { Timeout = 2_000 });
                    break;
                }
                catch (PlaywrightException) when (tries < 3)
                {
                }
            }

            await Assertions.Expect(page.GetByTestId("diff-older")).ToContainTextAsync("first words");
            await Assertions.Expect(page.GetByTestId("diff-newer")).ToContainTextAsync("second words");
            await page.EvaluateAsync("window.scrollTo(0, 0)");
            await Chromium.CaptureAsync(page, "workflow-compare");

            await page.GetByRole(AriaRole.Link, new() { Name = "Stop comparing" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("version-diff")).ToHaveCountAsync(0);
        });

        chromium.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task A_workflow_is_exported_as_a_file_and_another_definition_imported_as_one_undoable_edit()
    {
        var definitionId = await PublishedHelloAsync("designer-export");
        var other = await fixture.Client.CreateDefinitionAsync(Definition(WorkflowCalls.NewId("designer-import"),
            [Start, Log("one", "'1'"), Log("two", "'2'")], ["start -> one", "one -> two"], name: "Imported"));
        var otherJson = (await fixture.Client.GetStringAsync($"/api/workflow-definitions/{other}"));
        await using var chromium = await Chromium.StartAsync();

        await chromium.OnPageAsync("designer-import", async page =>
        {
            await OpenAsync(page, Url($"/workflows/{definitionId}"), 2);
            await Assertions.Expect(page.Locator("[data-interactive='true']")).ToHaveCountAsync(1);
            await page.GetByRole(AriaRole.Button, new() { Name = "Export or import JSON" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);

            var download = await page.RunAndWaitForDownloadAsync(() => dialog.GetByTestId("download-json").ClickAsync());
            download.SuggestedFilename.Should().Be($"{definitionId}.json");
            var exported = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync((await download.PathAsync())!))!;
            exported["definitionId"]!.GetValue<string>().Should().Be(definitionId);
            exported["root"]!["activities"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()).Should().Equal("start", "hello");

            // Not a definition: refused beside the field, nothing changes.
            await dialog.GetByLabel("Definition JSON").FillAsync("{ \"root\": ");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Use this JSON" }).ClickAsync();
            await Assertions.Expect(dialog).ToContainTextAsync("Not a workflow definition");

            await dialog.GetByLabel("Definition JSON").FillAsync(otherJson);
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Use this JSON" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("flow-canvas").Locator("[data-activity-id]")).ToHaveCountAsync(3);
            await Assertions.Expect(Activity(page, "two")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("unsaved-chip")).ToBeVisibleAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
            await Assertions.Expect(Activity(page, "two")).ToHaveCountAsync(0); // the import taken back
            await page.GetByRole(AriaRole.Button, new() { Name = "Redo" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("version-chip")).ToHaveTextAsync(new Regex(@"v2\s+draft"));
        });

        var saved = (await fixture.Client.GetFromJsonAsync<JsonNode>($"/api/workflow-definitions/{definitionId}"))!;
        saved["definitionId"]!.GetValue<string>().Should().Be(definitionId, "an import keeps this workflow's id");
        saved["name"]!.GetValue<string>().Should().Be("Imported");
        saved["root"]!["activities"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()).Should().Equal("start", "one", "two");
        chromium.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task Two_activities_copied_in_one_workflow_are_pasted_into_another_through_the_system_clipboard_with_ids_renamed()
    {
        var source = await fixture.Client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("designer-copy-from"),
            [Start, Log("one", "'first'"), Log("two", "'second'")], ["start -> one", "one -> two"], name: "Designer test copy from"));
        var target = await fixture.Client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("designer-copy-to"),
            [Start, Log("one", "'already here'")], ["start -> one"], name: "Designer test copy to"));
        await using var chromium = await Chromium.StartAsync();
        string? copied = null;

        await chromium.OnPageAsync("designer-copy", async page =>
        {
            await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
            await OpenAsync(page, Url($"/workflows/{source}"), 3);
            await Assertions.Expect(page.Locator("[data-interactive='true']")).ToHaveCountAsync(1);
            // Under load a click can land while the canvas still settles and be taken for a pan: select again until both are.
            for (var tries = 1; ; tries++)
            {
                await Activity(page, "one").ClickAsync();
                await Activity(page, "two").ClickAsync(new() { Modifiers = [KeyboardModifier.Control] });
                try
                {
                    await Assertions.Expect(page.GetByTestId("activity-panel")).ToContainTextAsync("2 activities selected", new() { Timeout = 2_000 });
                    break;
                }
                catch (PlaywrightException) when (tries < 3)
                {
                }
            }
            await page.GetByRole(AriaRole.Button, new() { Name = "Copy" }).ClickAsync();
            copied = await Orchestrator.Tests.Shared.Eventually.Async(() => page.EvaluateAsync<string>("() => navigator.clipboard.readText()"),
                text => text.Contains("\"orchestrator\"", StringComparison.Ordinal), "the copy on the system clipboard");
        });
        copied.Should().Contain("\"two\"");

        // Another tab of another workflow: nothing of the first page's memory, only the system clipboard.
        await chromium.OnPageAsync("designer-paste", async page =>
        {
            await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
            await OpenAsync(page, Url($"/workflows/{target}"), 2);
            await Assertions.Expect(page.Locator("[data-interactive='true']")).ToHaveCountAsync(1);
            await page.GetByRole(AriaRole.Button, new() { Name = "Paste" }).ClickAsync();
            // (what is pasted is brought into view; the canvas draws only what is in view, so no counts of everything here)
            await Assertions.Expect(Activity(page, "one_2")).ToBeVisibleAsync(); // "one" is taken here
            await Assertions.Expect(Activity(page, "two")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("validation-list")).ToContainTextAsync("cannot be reached from Start");

            // Joined on after what was there, the pasted steps can be saved.
            await Activity(page, "one").Locator("[data-port='Done'] .react-flow__handle").DragToAsync(Activity(page, "one_2").Locator(".react-flow__handle.target"));
            await Assertions.Expect(page.GetByTestId("validation-list")).ToHaveCountAsync(0);
            await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("version-chip")).ToHaveTextAsync(new Regex(@"v2\s+draft"));
        });

        var saved = (await fixture.Client.GetFromJsonAsync<JsonNode>($"/api/workflow-definitions/{target}"))!;
        saved["root"]!["activities"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()).Should().Equal("start", "one", "one_2", "two");
        saved["root"]!["connections"]!.AsArray().Select(c => $"{c!["source"]!["activity"]} -> {c["target"]!["activity"]}")
            .Should().BeEquivalentTo(["start -> one", "one -> one_2", "one_2 -> two"], "the copies keep the connection between them, renamed");
        chromium.Errors.Should().BeEmpty();
    }
}
