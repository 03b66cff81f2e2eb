using System.Diagnostics;

namespace Orchestrator.Tests.Shared;

/// <summary>The one polling loop of the tests: probe until a condition holds, or fail naming what was awaited and the
/// last value seen. For "nothing more happens", wait for the runtime to be idle instead (OrchestratorServer.WhenIdleAsync).</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>Probes until <paramref name="done"/> holds for the probed value and returns it.</summary>
    /// <param name="probe">Reads the current value (an HTTP call, a file, a counter).</param>
    /// <param name="done">Whether the value is the one awaited.</param>
    /// <param name="what">What is awaited, for the failure message ("run r-1 reaching Finished").</param>
    /// <param name="timeout">How long to wait (default 10 s).</param>
    /// <param name="describe">How to show the last value in the failure message (default ToString).</param>
    /// <param name="interval">Pause between probes (default 50 ms).</param>
    public static async Task<T> Async<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? timeout = null,
        Func<T, string?>? describe = null, TimeSpan? interval = null)
    {
        var within = timeout ?? DefaultTimeout;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (clock.Elapsed > within)
            {
                throw new TimeoutException($"Not {what} within {within.TotalSeconds:0.#} s. Last seen:\n{(describe ?? (v => v?.ToString()))(value)}");
            }

            await Task.Delay(interval ?? DefaultInterval);
        }
    }

    /// <summary>Probes until <paramref name="condition"/> is true.</summary>
    public static Task Async(Func<Task<bool>> condition, string what, TimeSpan? timeout = null, TimeSpan? interval = null) =>
        Async(condition, done => done, what, timeout, interval: interval);
}
