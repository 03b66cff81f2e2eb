using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Orchestrator.Bench;

/// <summary>
/// The run page in Debian's Chromium (issue 10, "a run page with 200 activities applies a burst of 1,000 status
/// changes within 1 s"): a 200-activity run waits on its run page for an event; the event sets it going through a
/// loop of 198 activities five times (about 1,000 executions, each a status change on the canvas, with a 10 ms pause
/// per round) as fast as the engine goes. Reported: how long the engine took, and how long after the run finished the
/// page showed it finished with an activity in view at its final count (×5) — the page's part of the burst.
/// </summary>
internal static class RunPageBurst
{
    private const int Steps = 195, Rounds = 5;
    private const string Watched = "step110";

    public static async Task MeasureAsync(int repeats)
    {
        await using var server = await ServerProcess.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BenchBrowser.LaunchAsync(playwright);
        var definitionId = await CreateAsync(server.Client);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        var (engine, lag, total) = (new List<double>(), new List<double>(), new List<double>());
        for (var i = 0; i <= repeats; i++)
        {
            var (engineMs, lagMs, totalMs, executions) = await BurstAsync(server, page, definitionId);
            if (i == 0)
            {
                Console.WriteLine($"  warm-up: {executions} executions");
                continue; // JIT, the canvas module in the browser cache
            }

            engine.Add(engineMs);
            lag.Add(lagMs);
            total.Add(totalMs);
        }

        Console.WriteLine($"  run page, 200 activities, ~{Rounds * (Steps + 3)} executions: engine median {Stats.Percentile(engine, 50):0} ms; " +
            $"page shows the end {Stats.Percentile(lag, 50):0} ms (max {lag.Max():0} ms) after the run finished; event → page done median {Stats.Percentile(total, 50):0} ms over {repeats} bursts");
    }

    private static async Task<(double Engine, double Lag, double Total, int Executions)> BurstAsync(ServerProcess server, IPage page, string definitionId)
    {
        var correlation = $"burst-{Guid.NewGuid():N}";
        var started = await (await server.Client.PostAsJsonAsync($"/api/workflow-definitions/{definitionId}/run", new { correlationId = correlation })).Content.ReadFromJsonAsync<JsonObject>();
        var instanceId = started!["instanceId"]!.GetValue<string>();
        await page.GotoAsync(new Uri(server.Address, $"/runs/{instanceId}").ToString());
        await page.Locator("[data-interactive='true']").WaitForAsync(new() { Timeout = 60_000 });
        try
        {
            // The canvas draws only what is in view (200 activities do not fit at the smallest zoom): watch one in the middle.
            await page.Locator("[data-testid='run-status'][data-status='Suspended']").WaitForAsync(new() { Timeout = 60_000 });
            await page.Locator($"[data-activity-id='{Watched}']").WaitForAsync(new() { Timeout = 60_000 });
        }
        catch (TimeoutException)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "run-burst-failed.png") });
            throw;
        }

        var clock = Stopwatch.StartNew();
        (await server.Client.PostAsJsonAsync("/api/events/go", new { correlationId = correlation })).EnsureSuccessStatusCode();
        await page.Locator("[data-testid='run-status'][data-status='Finished']").WaitForAsync(new() { Timeout = 120_000 });
        try
        {
            await page.Locator($"[data-activity-id='{Watched}'][data-status='done'] .activity-status").Filter(new() { HasText = $"×{Rounds}" })
                .WaitForAsync(new() { Timeout = 30_000 });
        }
        catch (TimeoutException)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "run-burst-stale.png") });
            var stored = (await server.Client.GetFromJsonAsync<JsonObject>($"/api/workflow-instances/{instanceId}"))!;
            var shown = await page.Locator($"[data-activity-id='{Watched}']").InnerTextAsync();
            throw new InvalidOperationException($"The page did not catch up: {Watched} shows '{shown.ReplaceLineEndings(" ")}' while the run is {stored["status"]} with " +
                $"{stored["journal"]!.AsArray().Count(e => e!["activityId"]!.GetValue<string>() == Watched)} executions of it.");
        }
        var seen = DateTimeOffset.UtcNow;
        var total = clock.Elapsed.TotalMilliseconds;

        var run = (await server.Client.GetFromJsonAsync<JsonObject>($"/api/workflow-instances/{instanceId}"))!;
        var journal = run["journal"]!.AsArray();
        var resumed = journal.First(e => e!["activityId"]!.GetValue<string>() == "wait")!["completedAt"]!.GetValue<DateTimeOffset>();
        var finished = run["finishedAt"]!.GetValue<DateTimeOffset>();
        return ((finished - resumed).TotalMilliseconds, (seen - finished).TotalMilliseconds, total, journal.Count);
    }

    /// <summary>start → wait for "go" → step1 … step195 → count → pause → again (round &lt; 5: back to step1): 200 activities.
    /// The 10 ms pause is there because a loop must wait somewhere (the validator refuses a loop that never yields).</summary>
    private static async Task<string> CreateAsync(HttpClient client)
    {
        var id = $"bench-burst-{Guid.NewGuid():N}"[..32];
        JsonObject At(JsonObject node, int index) { node["position"] = new JsonObject { ["x"] = index % 20 * 280, ["y"] = index / 20 * 160 }; return node; }
        JsonObject Link(string from, string to, string? port = null) => new()
        {
            ["source"] = port is null ? new JsonObject { ["activity"] = from } : new JsonObject { ["activity"] = from, ["port"] = port },
            ["target"] = new JsonObject { ["activity"] = to },
        };
        var activities = new JsonArray
        {
            At(new JsonObject { ["id"] = "start", ["type"] = "Start" }, 0),
            At(new JsonObject { ["id"] = "wait", ["type"] = "WaitForEvent", ["inputs"] = new JsonObject { ["eventName"] = "go" } }, 1),
        };
        var connections = new JsonArray { Link("start", "wait"), Link("wait", "step1") };
        for (var i = 1; i <= Steps; i++)
        {
            activities.Add(At(new JsonObject { ["id"] = $"step{i}", ["type"] = "Log", ["inputs"] = new JsonObject { ["message"] = $"step {i}" } }, i + 1));
            connections.Add(Link($"step{i}", i == Steps ? "count" : $"step{i + 1}"));
        }

        activities.Add(At(new JsonObject
        {
            ["id"] = "count", ["type"] = "SetVariable",
            ["inputs"] = new JsonObject { ["name"] = "round", ["value"] = new JsonObject { ["expr"] = "variables.round + 1" } },
        }, Steps + 2));
        activities.Add(At(new JsonObject
        {
            ["id"] = "again", ["type"] = "Decision", ["inputs"] = new JsonObject { ["condition"] = new JsonObject { ["expr"] = $"variables.round < {Rounds}" } },
        }, Steps + 3));
        activities.Add(At(new JsonObject { ["id"] = "pause", ["type"] = "Delay", ["inputs"] = new JsonObject { ["seconds"] = 0.01 } }, Steps + 4));
        connections.Add(Link("count", "pause"));
        connections.Add(Link("pause", "again"));
        connections.Add(Link("again", "step1", "True"));

        var definition = new JsonObject
        {
            ["definitionId"] = id,
            ["name"] = "Benchmark run-page burst",
            ["variables"] = new JsonArray { new JsonObject { ["name"] = "round", ["type"] = "Number", ["default"] = 0 } },
            ["root"] = new JsonObject { ["type"] = "Flowchart", ["activities"] = activities, ["connections"] = connections },
        };
        (await client.PostAsJsonAsync("/api/workflow-definitions", definition)).EnsureSuccessStatusCode();
        (await client.PostAsync($"/api/workflow-definitions/{id}/publish", null)).EnsureSuccessStatusCode();
        return id;
    }
}
