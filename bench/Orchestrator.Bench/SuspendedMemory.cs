using System.Diagnostics;
using Orchestrator.Workflows.Runtime;

namespace Orchestrator.Bench;

/// <summary>(d) Server memory with many suspended runs: they live in the database, not in memory.</summary>
internal static class SuspendedMemory
{
    public static async Task<(double WorkingSetMb, double ManagedMb, TimeSpan Elapsed)> MeasureAsync(int runs)
    {
        await using var host = await BenchHost.StartAsync();
        await host.PublishAsync(Flowcharts.WaitForGo("wait"));
        using var stop = new CancellationTokenSource();
        var suspended = 0;
        var all = new TaskCompletionSource();
        var listener = Task.Run(async () =>
        {
            await foreach (var e in host.Events.SubscribeAsync(e => e.Kind == WorkflowEventKind.StatusChanged, stop.Token))
            {
                if (e is { Kind: WorkflowEventKind.StatusChanged, Detail: nameof(WorkflowStatus.Suspended) } && Interlocked.Increment(ref suspended) == runs)
                {
                    all.TrySetResult();
                }
            }
        });
        await Task.Delay(50);
        var clock = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < runs)
            {
                await host.RunAsync("wait", correlationId: $"m{i}");
                if (i % 10_000 == 0)
                {
                    Console.WriteLine($"  … {i} runs started ({clock.Elapsed.TotalSeconds:F0} s)");
                }
            }
        })));
        await all.Task.WaitAsync(TimeSpan.FromMinutes(30));
        var elapsed = clock.Elapsed;
        await stop.CancelAsync();
        await listener.ContinueWith(_ => { }, TaskScheduler.Default);
        await Task.Delay(TimeSpan.FromSeconds(3)); // let a few sweeps pass, as a server would
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var workingSet = process.WorkingSet64 / 1024.0 / 1024.0;
        var managed = GC.GetTotalMemory(forceFullCollection: true) / 1024.0 / 1024.0;
        Console.WriteLine($"  {runs} suspended runs (started in {elapsed.TotalSeconds:F0} s): working set {workingSet:F0} MB, managed heap {managed:F0} MB");
        return (workingSet, managed, elapsed);
    }
}
