using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Api;
using Orchestrator.Server.Tests.Workflows;
using Orchestrator.Tests.Shared;

namespace Orchestrator.Server.Tests.Runtime;

/// <summary>Runs survive a crash: a real server process is killed with SIGKILL mid-flight and restarted.</summary>
public sealed class CrashRecoveryTests : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "orchestrator-crash", Guid.NewGuid().ToString("N"));
    private ServerProcess _server = null!;

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_data);
        _server = new ServerProcess(_data);
        return _server.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task Fifty_runs_killed_mid_flight_all_finish_after_a_restart_and_no_activity_completes_twice()
    {
        await _server.Client.PublishDefinitionAsync("""
            { "definitionId": "crash", "name": "Crash test",
              "variables": [ { "name": "step", "type": "Number", "default": 0 } ],
              "root": { "activities": [
                { "id": "start", "type": "Start" },
                { "id": "first", "type": "Log", "inputs": { "message": "first" } },
                { "id": "wait1", "type": "Delay", "inputs": { "seconds": 1 } },
                { "id": "mark", "type": "SetVariable", "inputs": { "name": "step", "value": 1 } },
                { "id": "wait2", "type": "Delay", "inputs": { "seconds": 1 } },
                { "id": "last", "type": "Log", "inputs": { "message": { "expr": "\"step \" + variables.step" } } },
                { "id": "end", "type": "End" } ],
              "connections": [
                { "source": { "activity": "start" }, "target": { "activity": "first" } },
                { "source": { "activity": "first" }, "target": { "activity": "wait1" } },
                { "source": { "activity": "wait1" }, "target": { "activity": "mark" } },
                { "source": { "activity": "mark" }, "target": { "activity": "wait2" } },
                { "source": { "activity": "wait2" }, "target": { "activity": "last" } },
                { "source": { "activity": "last" }, "target": { "activity": "end" } } ] } }
            """);
        var ids = new List<string>();
        for (var i = 0; i < 50; i++)
        {
            ids.Add(await _server.Client.RunAsync("crash"));
        }

        // Kill once the first run is between its two delays: the runs are mid-flight, with timers and variables stored.
        await Eventually.Async(() => _server.Client.GetInstanceAsync(ids[0]), run => run["journal"]!.AsArray().Any(e => e!.Str("activityId") == "mark"),
            "the first run past its first delay", TimeSpan.FromSeconds(30), run => run.ToJsonString());
        var inFlight = await _server.Client.GetFromJsonAsync<JsonObject>($"/api/workflow-instances?definitionId=crash&status=Finished&pageSize=1");
        inFlight!["total"]!.GetValue<int>().Should().BeLessThan(50, "the kill must come while runs are still going");
        await _server.KillAsync();
        await _server.StartAsync();

        foreach (var id in ids)
        {
            var run = await _server.Client.WaitForStatusAsync(id, TimeSpan.FromSeconds(60), "Finished", "Faulted");
            run["status"]!.GetValue<string>().Should().Be("Finished", "run {0} must finish after the restart", id);
            var journal = run["journal"]!.AsArray().Select(e => e!).ToList();
            journal.GroupBy(e => e["activityId"]!.GetValue<string>()).Should().OnlyContain(g => g.Count() == 1, "no activity of run {0} may run twice", id);
            journal.Select(e => e["activityId"]!.GetValue<string>()).Should().Equal("start", "first", "wait1", "mark", "wait2", "last", "end");
            journal.Should().OnlyContain(e => e["completedAt"] != null);
            run.JournalEntry("last")["outputs"]!["message"]!.GetValue<string>().Should().Be("step 1");
        }
    }
}
