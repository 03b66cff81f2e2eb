using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Orchestrator.Bench;

/// <summary>
/// The designer in Debian's Chromium (issue 10): (a) time from navigating to /workflows/{id} until the page is
/// interactive with the flowchart drawn and the toolbox and panel usable, for flowcharts of 200 and 800 activities;
/// (b) frame times while dragging an activity on the 200-activity flowchart.
/// </summary>
internal static class DesignerOpen
{

    public static async Task MeasureAsync(int repeats)
    {
        await using var server = await ServerProcess.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BenchBrowser.LaunchAsync(playwright);

        foreach (var size in new[] { 200, 800 })
        {
            var definitionId = await CreateAsync(server.Client, size);
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
            await OpenAsync(page, server.Address, definitionId); // warm-up: JIT, the canvas module in the browser cache
            var times = new List<double>();
            for (var i = 0; i < repeats; i++)
            {
                times.Add(await OpenAsync(page, server.Address, definitionId));
            }

            Console.WriteLine($"  open {size} activities: median {Stats.Percentile(times, 50):0} ms, max {times.Max():0} ms over {repeats} opens");
            if (size == 200)
            {
                await DragAsync(page, drags: 5);
            }

            await page.CloseAsync();
        }
    }

    /// <summary>A flowchart as the designer saves it: a chain of Log activities with stored positions in rows.</summary>
    private static async Task<string> CreateAsync(HttpClient client, int size)
    {
        var id = $"bench-designer-{size}-{Guid.NewGuid():N}"[..40];
        var activities = new JsonArray { new JsonObject { ["id"] = "start", ["type"] = "Start", ["position"] = new JsonObject { ["x"] = 0, ["y"] = 0 } } };
        var connections = new JsonArray();
        var previous = "start";
        for (var i = 1; i < size; i++)
        {
            var nodeId = $"step{i}";
            activities.Add(new JsonObject
            {
                ["id"] = nodeId,
                ["type"] = "Log",
                ["inputs"] = new JsonObject { ["message"] = new JsonObject { ["expr"] = $"'step {i} of ' + workflow.definitionId" } },
                ["position"] = new JsonObject { ["x"] = i % 20 * 280, ["y"] = i / 20 * 160 },
            });
            connections.Add(new JsonObject { ["source"] = new JsonObject { ["activity"] = previous }, ["target"] = new JsonObject { ["activity"] = nodeId } });
            previous = nodeId;
        }

        var definition = new JsonObject
        {
            ["definitionId"] = id,
            ["name"] = $"Benchmark {size}",
            ["root"] = new JsonObject { ["type"] = "Flowchart", ["activities"] = activities, ["connections"] = connections },
        };
        (await client.PostAsJsonAsync("/api/workflow-definitions", definition)).EnsureSuccessStatusCode();
        return id;
    }

    private static async Task<double> OpenAsync(IPage page, Uri server, string definitionId)
    {
        var clock = Stopwatch.StartNew();
        await page.GotoAsync(new Uri(server, $"/workflows/{definitionId}").ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        await page.Locator("[data-interactive='true']").WaitForAsync(new() { Timeout = 60_000 });
        await page.Locator(".react-flow__node").First.WaitForAsync(new() { Timeout = 60_000 });
        await page.Locator("[data-toolbox-type='Log']").WaitForAsync();
        await page.GetByTestId("workflow-settings").WaitForAsync();
        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>Drags an activity across the canvas in 60 mouse moves, <paramref name="drags"/> times (back and forth),
    /// and reports the browser's frame intervals meanwhile, all drags pooled (one drag's p95 is its 6th-worst frame).</summary>
    private static async Task DragAsync(IPage page, int drags)
    {
        var node = page.Locator(".react-flow__node").Nth(3);
        await node.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        await page.WaitForTimeoutAsync(500); // the fit-view animation ends
        await page.EvaluateAsync("() => { window.__long = []; window.__loaf = new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long.push({ d: e.duration, s: e.scripts.reduce((a, x) => a + x.duration, 0), r: e.startTime + e.duration - (e.renderStart || e.startTime + e.duration) }); }); window.__loaf.observe({ type: 'long-animation-frame' }); }");
        var frames = new List<double>();
        for (var drag = 0; drag < drags; drag++)
        {
            var box = await node.BoundingBoxAsync() ?? throw new InvalidOperationException("The activity to drag has no box.");
            var direction = drag % 2 == 0 ? 1 : -1;
            await page.EvaluateAsync("() => { window.__frames = []; let last = performance.now(); const tick = (t) => { window.__frames.push(t - last); last = t; if (window.__frames.length < 100000) window.__rafId = requestAnimationFrame(tick); }; window.__rafId = requestAnimationFrame(tick); }");
            await page.Mouse.MoveAsync(box.X + 20, box.Y + 10);
            await page.Mouse.DownAsync();
            for (var step = 1; step <= 60; step++)
            {
                await page.Mouse.MoveAsync(box.X + 20 + direction * step * 6, box.Y + 10 + direction * step * 3);
            }

            await page.Mouse.UpAsync();
            frames.AddRange(await page.EvaluateAsync<double[]>("() => { cancelAnimationFrame(window.__rafId); return window.__frames.slice(1); }"));
            await page.WaitForTimeoutAsync(300); // the move is saved (one message to the server)
        }

        var slow = frames.Count(f => f > 17.5);
        Console.WriteLine($"  drag on 200 activities ({drags} drags): frame p50 {Stats.Percentile(frames, 50):0.0} ms, p95 {Stats.Percentile(frames, 95):0.0} ms, " +
            $"max {frames.Max():0.0} ms; {slow} of {frames.Count} frames ({100.0 * slow / frames.Count:0.0} %) over one 60 Hz frame");
        var longFrames = await page.EvaluateAsync<LongFrame[]>("() => { window.__loaf.disconnect(); return window.__long; }");
        if (longFrames.Length > 0)
        {
            Console.WriteLine($"    long frames (> 50 ms of work): {longFrames.Length}, mean {longFrames.Average(f => f.D):0} ms of which script {longFrames.Average(f => f.S):0} ms, rendering {longFrames.Average(f => f.R):0} ms");
        }
    }

    private sealed class LongFrame
    {
        public double D { get; set; }

        public double S { get; set; }

        public double R { get; set; }
    }
}
