using System.Collections.Concurrent;
using Orchestrator.Workflows.Runtime.Events;

namespace Orchestrator.Bench;

/// <summary>(c) How late Delay activities complete: completion minus (suspension + delay), for many concurrent timers.</summary>
internal static class DelayAccuracy
{
    /// <param name="runs">How many runs, each with one Delay.</param>
    /// <param name="seconds">The delay.</param>
    /// <param name="startsPerSecond">How fast runs start: spread out (timers fall due at that rate) or, when 0, all at once (a burst).</param>
    public static async Task<IReadOnlyList<double>> MeasureAsync(int runs, double seconds, int startsPerSecond)
    {
        await using var host = await BenchHost.StartAsync();
        await host.PublishAsync(Flowcharts.Delay("delay", seconds));
        using var stop = new CancellationTokenSource();
        var suspendedAt = new ConcurrentDictionary<string, DateTimeOffset>();
        var lateness = new ConcurrentBag<double>();
        var done = new TaskCompletionSource();
        var listener = Task.Run(async () =>
        {
            await foreach (var e in host.Events.SubscribeAsync(e => e.ActivityId == "delay" && e.Kind is WorkflowEventKind.ActivitySuspended or WorkflowEventKind.ActivityCompleted, stop.Token))
            {
                if (e is { Kind: WorkflowEventKind.ActivitySuspended, ActivityId: "delay" })
                {
                    suspendedAt[e.InstanceId] = e.At;
                }
                else if (e is { Kind: WorkflowEventKind.ActivityCompleted, ActivityId: "delay" } && suspendedAt.TryGetValue(e.InstanceId, out var at))
                {
                    lateness.Add((e.At - at - TimeSpan.FromSeconds(seconds)).TotalMilliseconds);
                    if (lateness.Count == runs)
                    {
                        done.TrySetResult();
                    }
                }
            }
        });
        await Task.Delay(50);
        if (startsPerSecond <= 0)
        {
            await Task.WhenAll(Enumerable.Range(0, runs).Select(_ => host.RunAsync("delay")));
        }
        else
        {
            for (var i = 0; i < runs; i++)
            {
                await host.RunAsync("delay");
                await Task.Delay(1000 / startsPerSecond);
            }
        }

        await done.Task.WaitAsync(TimeSpan.FromMinutes(5));
        await stop.CancelAsync();
        await listener.ContinueWith(_ => { }, TaskScheduler.Default);
        var values = lateness.ToList();
        var how = startsPerSecond <= 0 ? $"{runs} timers due at once" : $"{runs} timers falling due at {startsPerSecond}/s";
        Console.WriteLine($"  Delay({seconds} s) lateness, {how}: {Stats.Summary(values, "ms")}");
        return values;
    }
}
