using System.Diagnostics;
using Orchestrator.Workflows.Runtime.Events;
using Orchestrator.Workflows.Runtime.Instances;

namespace Orchestrator.Bench;

/// <summary>(a) Durable runs per second of a 10-activity no-op flowchart, against the raw single-row SQLite commit rate.</summary>
internal static class RunThroughput
{
    public static async Task<(double RunsPerSecond, double CommitsPerSecond)> MeasureAsync(int runs)
    {
        var raw = RawCommitsPerSecond(TimeSpan.FromSeconds(3));
        Console.WriteLine($"  raw SQLite commits (ADO.NET): {raw:F0}/s (one row per transaction, WAL, synchronous=NORMAL)");
        var commits = EfCommitProbe.CommitsPerSecond(TimeSpan.FromSeconds(3));
        Console.WriteLine($"  single-row commits through EF Core SaveChanges: {commits:F0}/s (same file settings)");

        await using var host = await BenchHost.StartAsync();
        await host.PublishAsync(Flowcharts.NoOp("noop"));
        await RunBatchAsync(host, Math.Min(300, runs)); // warm-up: JIT, connection pool, SQLite cache
        var elapsed = await RunBatchAsync(host, runs);
        var perSecond = runs / elapsed.TotalSeconds;
        Console.WriteLine($"  {runs} runs in {elapsed.TotalSeconds:F2} s: {perSecond:F0} runs/s = {perSecond / commits:F2} × the EF single-row commit rate, {perSecond / raw:F3} × the ADO.NET rate");
        return (perSecond, commits);
    }

    private static async Task<TimeSpan> RunBatchAsync(BenchHost host, int runs)
    {
        using var stop = new CancellationTokenSource();
        var finished = 0;
        var done = new TaskCompletionSource();
        var listener = Task.Run(async () =>
        {
            await foreach (var e in host.Events.SubscribeAsync(e => e.Kind == WorkflowEventKind.StatusChanged, stop.Token))
            {
                if (e is { Kind: WorkflowEventKind.StatusChanged, Detail: nameof(WorkflowStatus.Finished) } && Interlocked.Increment(ref finished) == runs)
                {
                    done.TrySetResult();
                }
            }
        });
        await Task.Delay(50);
        var clock = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) < runs)
            {
                await host.RunAsync("noop");
            }
        })));
        await done.Task.WaitAsync(TimeSpan.FromMinutes(5));
        var elapsed = clock.Elapsed;
        await stop.CancelAsync();
        await listener.ContinueWith(_ => { }, TaskScheduler.Default);
        return elapsed;
    }

    private static double RawCommitsPerSecond(TimeSpan duration)
    {
        using var file = new TempSqliteFile();
        using (var create = file.Connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL);";
            create.ExecuteNonQuery();
        }

        var count = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            using var transaction = file.Connection.BeginTransaction();
            using var insert = file.Connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO t (v) VALUES ('row')";
            insert.ExecuteNonQuery();
            transaction.Commit();
            count++;
        }

        return count / clock.Elapsed.TotalSeconds;
    }
}
