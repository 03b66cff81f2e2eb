using System.Collections.Concurrent;
using System.Diagnostics;
using Orchestrator.Workflows.Runtime.Events;
using Orchestrator.Workflows.Runtime.Instances;

namespace Orchestrator.Bench;

/// <summary>(b) Latency from POSTing an event (the operation behind <c>POST /api/events/{name}</c>) to the waiting activity completing.</summary>
internal static class EventLatency
{
    public static async Task<IReadOnlyList<double>> MeasureAsync(int runs)
    {
        await using var host = await BenchHost.StartAsync();
        await host.PublishAsync(Flowcharts.WaitForGo("wait"));
        using var stop = new CancellationTokenSource();
        var suspended = 0;
        var allSuspended = new TaskCompletionSource();
        var resumed = new ConcurrentDictionary<string, TaskCompletionSource<long>>();
        var listener = Task.Run(async () =>
        {
            await foreach (var e in host.Events.SubscribeAsync(e => e.Kind == WorkflowEventKind.StatusChanged || (e.Kind == WorkflowEventKind.ActivityCompleted && e.ActivityId == "wait"), stop.Token))
            {
                if (e is { Kind: WorkflowEventKind.StatusChanged, Detail: nameof(WorkflowStatus.Suspended) } && Interlocked.Increment(ref suspended) == runs)
                {
                    allSuspended.TrySetResult();
                }
                else if (e is { Kind: WorkflowEventKind.ActivityCompleted, ActivityId: "wait" } && resumed.TryGetValue(e.InstanceId, out var waiter))
                {
                    waiter.TrySetResult(Stopwatch.GetTimestamp());
                }
            }
        });
        await Task.Delay(50);

        var ids = new string[runs];
        for (var i = 0; i < runs; i++)
        {
            ids[i] = await host.RunAsync("wait", correlationId: $"c{i}");
        }

        await allSuspended.Task.WaitAsync(TimeSpan.FromMinutes(5));
        var latencies = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var waiter = resumed[ids[i]] = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            var sent = Stopwatch.GetTimestamp();
            await host.SendEventAsync("go", $"c{i}");
            var completed = await waiter.Task.WaitAsync(TimeSpan.FromSeconds(30));
            if (i >= runs / 10)
            {
                latencies.Add(Stopwatch.GetElapsedTime(sent, completed).TotalMilliseconds); // the first tenth warms up
            }
        }

        await stop.CancelAsync();
        await listener.ContinueWith(_ => { }, TaskScheduler.Default);
        Console.WriteLine($"  event → resumed activity: {Stats.Summary(latencies, "ms")}");
        return latencies;
    }
}
