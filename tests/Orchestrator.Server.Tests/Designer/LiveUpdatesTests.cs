using Orchestrator.Server.Components;
using Orchestrator.Workflows.Runtime.Events;

namespace Orchestrator.Server.Tests.Designer;

/// <summary>Live pages keep following their runs: a refresh that fails is tried again at the next tick instead of
/// ending the page's updates for good.</summary>
public sealed class LiveUpdatesTests
{
    [Fact]
    public async Task A_refresh_that_fails_is_tried_again_and_later_events_still_refresh()
    {
        var hub = new WorkflowEventHub();
        var calls = 0;
        var second = new TaskCompletionSource();
        var third = new TaskCompletionSource();
        using var live = LiveUpdates.Start(hub, _ => true, TimeSpan.FromMilliseconds(20), () =>
        {
            switch (Interlocked.Increment(ref calls))
            {
                case 1:
                    throw new InvalidOperationException("the database is busy");
                case 2:
                    second.TrySetResult();
                    break;
                default:
                    third.TrySetResult();
                    break;
            }

            return Task.CompletedTask;
        }, catchUp: true);

        await second.Task.WaitAsync(TimeSpan.FromSeconds(10)); // the failed catch-up refresh was tried again
        hub.Publish([new WorkflowEvent("r-1", WorkflowEventKind.StatusChanged, null, null, DateTimeOffset.UtcNow)]);
        await third.Task.WaitAsync(TimeSpan.FromSeconds(10)); // and the page still follows new events
    }
}
