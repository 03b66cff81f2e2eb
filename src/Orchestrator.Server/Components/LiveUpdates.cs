using Orchestrator.Workflows.Runtime.Events;

namespace Orchestrator.Server.Components;

/// <summary>
/// Keeps a page current with the runtime: listens on the <see cref="WorkflowEventHub"/> for the events it cares about
/// and calls <c>refresh</c> at most once per interval while they come (a burst of a thousand steps is one or a few
/// reloads, an idle run none). Started once the page is interactive; disposing it (with the page) stops it.
/// </summary>
public sealed class LiveUpdates : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private int _changed;

    private LiveUpdates()
    {
    }

    /// <param name="hub">Where the runtime publishes what each committed turn did.</param>
    /// <param name="relevant">The events that make the page stale.</param>
    /// <param name="interval">How often, at most, <paramref name="refresh"/> runs.</param>
    /// <param name="refresh">Reads again and re-renders (wrapped in the component's <c>InvokeAsync</c>).</param>
    /// <param name="catchUp">Refresh at the first tick too, for what happened between the page's first read and the subscription.</param>
    /// <param name="logger">Where a refresh that failed is reported (the page tries again at the next tick).</param>
    public static LiveUpdates Start(WorkflowEventHub hub, Func<WorkflowEvent, bool> relevant, TimeSpan interval, Func<Task> refresh, bool catchUp = false,
        ILogger? logger = null)
    {
        var live = new LiveUpdates { _changed = catchUp ? 1 : 0 };
        var stop = live._stop.Token; // taken once: the source is disposed with the page while these still wind down
        _ = live.ListenAsync(hub, relevant, stop);
        _ = live.RefreshAsync(interval, refresh, logger, stop);
        return live;
    }

    private async Task ListenAsync(WorkflowEventHub hub, Func<WorkflowEvent, bool> relevant, CancellationToken stop)
    {
        try
        {
            await foreach (var _ in hub.SubscribeAsync(relevant, stop))
            {
                Interlocked.Exchange(ref _changed, 1);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task RefreshAsync(TimeSpan interval, Func<Task> refresh, ILogger? logger, CancellationToken stop)
    {
        try
        {
            using var timer = new PeriodicTimer(interval);
            var failing = false;
            while (await timer.WaitForNextTickAsync(stop))
            {
                if (Interlocked.Exchange(ref _changed, 0) != 1)
                {
                    continue;
                }

                try
                {
                    await refresh();
                    failing = false;
                }
                catch (Exception e) when (e is not (OperationCanceledException or ObjectDisposedException or Microsoft.JSInterop.JSDisconnectedException))
                {
                    // A read that failed (a busy database, say) must not stop the page from following for good: try again
                    // at the next tick, and say so once per streak of failures.
                    if (!failing)
                    {
                        logger?.LogWarning(e, "A live page's refresh failed; it is tried again every {Interval} ms until it works.", interval.TotalMilliseconds);
                    }

                    failing = true;
                    Interlocked.Exchange(ref _changed, 1);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or Microsoft.JSInterop.JSDisconnectedException)
        {
            // The page closed while it was being refreshed.
        }
    }

    /// <summary>Asks for a refresh at the next tick (after the page changed something itself).</summary>
    public void Touch() => Interlocked.Exchange(ref _changed, 1);

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }
}
