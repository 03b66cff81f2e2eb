using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Api;
using Orchestrator.Server.Tests.Hosting;
using Orchestrator.Tests.Shared;

namespace Orchestrator.Server.Tests.Plugins;

/// <summary>Broken plugins are reported with the reason and skipped while the others load and the host keeps running.</summary>
public sealed class PluginLoadingTests : IAsyncLifetime
{
    private readonly PluginFolders _folders = new();
    private OrchestratorServer _server = null!;

    public async Task InitializeAsync()
    {
        _folders.CopyBuilt("http");
        _folders.Write("bad-json", "{ this is not json");
        _folders.Write("missing-dll", """{ "id": "missing", "name": "Missing", "version": "1.0.0", "sdkVersion": "1", "assembly": "Missing.dll" }""");
        _folders.CopyBuilt("http", "old-sdk", manifest => manifest.Replace("\"id\": \"http\"", "\"id\": \"oldsdk\"").Replace("\"sdkVersion\": \"1\"", "\"sdkVersion\": \"0\""));
        _folders.Write("corrupt", """{ "id": "corrupt", "name": "Corrupt", "version": "1.0.0", "sdkVersion": "1", "assembly": "Corrupt.dll" }""",
            ("Corrupt.dll", Encoding.UTF8.GetBytes("MZ this is not an assembly")));
        _server = await OrchestratorServer.StartAsync(TestDatabase.Sqlite(), new Dictionary<string, string?> { ["Orchestrator:PluginsDirectory"] = _folders.Root });
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _folders.Dispose();
    }

    [Fact]
    public async Task Good_plugins_load_and_each_broken_one_is_reported_with_its_reason()
    {
        var plugins = (await (await _server.Client.GetAsync("/api/plugins")).ShouldBeAsync(HttpStatusCode.OK)).AsArray().ToDictionary(p => p!["id"]!.GetValue<string>(), p => p!);

        plugins["http"]["status"]!.GetValue<string>().Should().Be("Loaded");
        plugins["http"]["actions"].Strings().Should().Equal("http.Request");
        Failure(plugins["bad-json"]).Should().Contain("JsonException");
        Failure(plugins["missing"]).Should().Contain("Missing.dll").And.Contain("missing");
        Failure(plugins["oldsdk"]).Should().Contain("sdkVersion '0'");
        Failure(plugins["corrupt"]).Should().Contain("BadImageFormat");
        (await _server.Client.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Actions_of_loaded_plugins_are_described_and_a_definition_using_a_plugin_that_failed_is_invalid()
    {
        var descriptors = (await (await _server.Client.GetAsync("/api/activity-descriptors")).ShouldBeAsync(HttpStatusCode.OK)).AsArray();
        var request = descriptors.Single(d => d!["type"]!.GetValue<string>() == "http.Request")!;
        request["inputs"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()).Should().Equal("method", "url", "headers", "bearerTokenSecret", "body", "expectedStatus", "timeoutSeconds");
        request["inputs"]!.AsArray().Single(i => i!["name"]!.GetValue<string>() == "url")!["required"]!.GetValue<bool>().Should().BeTrue();

        var result = await (await _server.Client.PostAsync("/api/workflow-definitions/validate", new StringContent("""
            { "definitionId": "uses-old", "name": "Uses a failed plugin",
              "root": { "activities": [ { "id": "start", "type": "Start" }, { "id": "call", "type": "oldsdk.Request", "inputs": { "url": "http://localhost" } } ],
                        "connections": [ { "source": { "activity": "start" }, "target": { "activity": "call" } } ] } }
            """, Encoding.UTF8, "application/json"))).ShouldBeAsync(HttpStatusCode.OK);
        result["valid"]!.GetValue<bool>().Should().BeFalse();
        result["errors"]!.AsArray().Should().ContainSingle(e => e!["activityId"]!.GetValue<string>() == "call"
            && e["message"]!.GetValue<string>().Contains("oldsdk.Request"));
    }

    [Fact]
    public async Task Reload_reads_the_folders_again()
    {
        _folders.CopyBuilt("http", "http-copy", manifest => manifest.Replace("\"id\": \"http\"", "\"id\": \"http2\""));

        var plugins = (await (await _server.Client.PostAsync("/api/plugins/reload", null)).ShouldBeAsync(HttpStatusCode.OK)).AsArray();

        plugins.Single(p => p!["id"]!.GetValue<string>() == "http2")!["actions"].Strings().Should().Equal("http2.Request");
        (await (await _server.Client.GetAsync("/api/activity-descriptors")).ShouldBeAsync(HttpStatusCode.OK)).AsArray()
            .Select(d => d!["type"]!.GetValue<string>()).Should().Contain("http2.Request");
    }

    [Fact]
    public async Task A_rebuilt_plugin_assembly_is_picked_up_without_a_restart()
    {
        var before = await LoadedAt("http");
        var dll = Path.Combine(_folders.Root, "http", "Orchestrator.Plugins.Http.dll");

        // A rebuild lands as a new copy of the assembly in the watched folder.
        File.Copy(Path.Combine(PluginFolders.Built, "http", "Orchestrator.Plugins.Http.dll"), dll, overwrite: true);

        await Eventually.Async(() => LoadedAt("http"), loadedAt => loadedAt > before, "the http plugin reloaded", TimeSpan.FromSeconds(15));
        (await (await _server.Client.GetAsync("/api/activity-descriptors")).ShouldBeAsync(HttpStatusCode.OK)).AsArray()
            .Select(d => d!["type"]!.GetValue<string>()).Should().Contain("http.Request");
    }

    private async Task<DateTimeOffset> LoadedAt(string id) =>
        (await (await _server.Client.GetAsync("/api/plugins")).ShouldBeAsync(HttpStatusCode.OK)).AsArray()
            .Single(p => p!["id"]!.GetValue<string>() == id)!["loadedAt"]!.GetValue<DateTimeOffset>();

    private static string Failure(JsonNode plugin)
    {
        plugin["status"]!.GetValue<string>().Should().Be("Failed");
        return plugin["error"]!.GetValue<string>();
    }
}
