using Orchestrator.Server.Tests.Hosting;
using Orchestrator.Server.Tests.Workflows;

namespace Orchestrator.Server.Tests.Plugins;

/// <summary>Each plugin has its own load context: two plugins on different versions of one package both work.</summary>
public sealed class PluginIsolationTests : IAsyncLifetime
{
    private OrchestratorServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await OrchestratorServer.StartAsync(TestDatabase.Sqlite(), new Dictionary<string, string?>
        {
            ["Orchestrator:PluginsDirectory"] = Path.Combine(Path.GetDirectoryName(PluginFolders.Built)!, "test-plugins"),
        });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Two_plugins_on_Newtonsoft_Json_12_and_13_each_get_their_own_version()
    {
        await _server.Client.PublishDefinitionAsync("""
            { "definitionId": "both-versions", "name": "Both versions",
              "root": { "activities": [
                { "id": "start", "type": "Start" },
                { "id": "fork", "type": "Fork" },
                { "id": "old", "type": "json-old.Version" },
                { "id": "new", "type": "json-new.Version" } ],
              "connections": [
                { "source": { "activity": "start" }, "target": { "activity": "fork" } },
                { "source": { "activity": "fork" }, "target": { "activity": "old" } },
                { "source": { "activity": "fork" }, "target": { "activity": "new" } } ] } }
            """);

        var id = await _server.Client.RunAsync("both-versions");
        var run = await _server.Client.WaitForStatusAsync(id, TimeSpan.FromSeconds(20), "Finished", "Faulted");

        run["status"]!.GetValue<string>().Should().Be("Finished", run.ToJsonString());
        run.JournalEntry("old")["outputs"]!["newtonsoft"]!.GetValue<string>().Should().StartWith("12.");
        run.JournalEntry("new")["outputs"]!["newtonsoft"]!.GetValue<string>().Should().StartWith("13.");
        run.JournalEntry("old")["outputs"]!["roundTrip"]!.GetValue<string>().Should().Be("""{"ok":true}""");
    }
}
