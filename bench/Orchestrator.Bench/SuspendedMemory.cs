using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Workflows.Runtime.Storage;
using Orchestrator.Workflows.Runtime.Instances;

namespace Orchestrator.Bench;

/// <summary>(d) Server memory with many suspended runs: they live in the database, not in memory.</summary>
internal static class SuspendedMemory
{
    public static async Task<(double WorkingSetMb, double ManagedMb, TimeSpan Elapsed)> MeasureAsync(int runs)
    {
        await using var host = await BenchHost.StartAsync();
        await host.PublishAsync(Flowcharts.WaitForGo("wait"));
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
        // Count in the store, not from events: a live-view subscriber may drop events under this load, the store does not.
        while (await CountSuspendedAsync(host) < runs)
        {
            await Task.Delay(500);
        }

        var elapsed = clock.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(3)); // let a few sweeps pass, as a server would
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var workingSet = process.WorkingSet64 / 1024.0 / 1024.0;
        // Sizes, not deltas: the heap the GC holds after the collection, and the live objects in it.
        // (GC.GetTotalMemory is no size here: with 100,000 runs it printed -5 MB.)
        var heap = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        var managed = heap.HeapSizeBytes / 1024.0 / 1024.0;
        var live = (heap.HeapSizeBytes - heap.FragmentedBytes) / 1024.0 / 1024.0;
        Console.WriteLine($"  {runs} suspended runs (started in {elapsed.TotalSeconds:F0} s): working set {workingSet:F0} MB, managed heap {managed:F0} MB ({live:F0} MB of live objects)");
        return (workingSet, managed, elapsed);
    }

    private static async Task<int> CountSuspendedAsync(BenchHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IWorkflowRunQueries>();
        return (await store.ListAsync(new InstanceQuery(Status: WorkflowStatus.Suspended, PageSize: 1), CancellationToken.None)).Total;
    }
}
