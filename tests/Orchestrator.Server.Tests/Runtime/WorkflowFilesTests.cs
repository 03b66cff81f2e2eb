using System.Net;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Api;
using Orchestrator.Server.Tests.Hosting;

namespace Orchestrator.Server.Tests.Runtime;

/// <summary>Definition files in the workflows directory load at start-up; an edit on disk becomes a new draft, never a silent change.</summary>
public sealed class WorkflowFilesTests : IAsyncLifetime
{
    private readonly string _workflows = Path.Combine(Path.GetTempPath(), "orchestrator-files", Guid.NewGuid().ToString("N"));
    private OrchestratorServer _server = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(_workflows, "playbooks"));
        await File.WriteAllTextAsync(Path.Combine(_workflows, "playbooks", "hello.json"), Definition("hello", "Hello", published: true));
        await File.WriteAllTextAsync(Path.Combine(_workflows, "broken.json"), """{ "definitionId": "broken", "name": "Broken", "root": { "activities": [ { "id": "start", "type": "Nope" } ] } }""");
        _server = await OrchestratorServer.StartAsync(TestDatabase.Sqlite(), new Dictionary<string, string?> { ["Orchestrator:WorkflowsDirectory"] = _workflows });
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_workflows, recursive: true);
    }

    [Fact]
    public async Task Files_load_as_published_versions_edits_become_drafts_and_broken_files_are_skipped()
    {
        var versions = await Versions("hello");
        versions.Should().ContainSingle().Which!["isPublished"]!.GetValue<bool>().Should().BeTrue();
        versions[0]!["source"]!.GetValue<string>().Should().Be("file:playbooks/hello.json");
        (await _server.Client.GetAsync("/api/workflow-definitions/broken")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        await _server.RestartAsync(); // unchanged file: nothing new
        (await Versions("hello")).Should().HaveCount(1);

        await File.WriteAllTextAsync(Path.Combine(_workflows, "playbooks", "hello.json"), Definition("hello", "Hello again", published: true));
        await _server.RestartAsync();

        versions = await Versions("hello");
        versions.Select(v => v!["isPublished"]!.GetValue<bool>()).Should().Equal(true, false);
        versions[1]!["name"]!.GetValue<string>().Should().Be("Hello again");
        var published = await (await _server.Client.GetAsync("/api/workflow-definitions?")).ShouldBeAsync(HttpStatusCode.OK);
        published["items"]!.AsArray().Single(d => d!["definitionId"]!.GetValue<string>() == "hello")!["publishedVersion"]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public async Task Activity_descriptors_list_every_built_in_type_with_its_inputs_and_ports()
    {
        var descriptors = (await (await _server.Client.GetAsync("/api/activity-descriptors")).ShouldBeAsync(HttpStatusCode.OK)).AsArray();

        descriptors.Select(d => d!["type"]!.GetValue<string>()).Should().Contain(
            ["Start", "End", "Decision", "Switch", "Fork", "Join", "Delay", "WaitForEvent", "Approval", "SetVariable", "RunWorkflow", "Fail", "Log"]);
        var decision = descriptors.Single(d => d!["type"]!.GetValue<string>() == "Decision")!;
        decision["outcomes"].Strings().Should().Equal("True", "False");
        decision["inputs"]![0]!["name"]!.GetValue<string>().Should().Be("condition");
        decision["inputs"]![0]!["required"]!.GetValue<bool>().Should().BeTrue();
        var join = descriptors.Single(d => d!["type"]!.GetValue<string>() == "Join")!;
        join["inputs"]![0]!["options"].Strings().Should().Equal("WaitAll", "WaitAny");
    }

    private async Task<JsonArray> Versions(string definitionId) =>
        (await (await _server.Client.GetAsync($"/api/workflow-definitions/{definitionId}/versions")).ShouldBeAsync(HttpStatusCode.OK)).AsArray();

    private static string Definition(string id, string name, bool published) => $$"""
        { "definitionId": "{{id}}", "name": "{{name}}", "isPublished": {{(published ? "true" : "false")}},
          "root": { "activities": [ { "id": "start", "type": "Start" }, { "id": "end", "type": "End" } ],
                    "connections": [ { "source": { "activity": "start" }, "target": { "activity": "end" } } ] } }
        """;
}
