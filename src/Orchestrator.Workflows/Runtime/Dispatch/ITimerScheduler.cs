using Orchestrator.Workflows.Runtime.Instances;

namespace Orchestrator.Workflows.Runtime.Dispatch;

/// <summary>
/// Fires bookmarks that wait for a time (Delay, approval time-outs, retry back-off). Timers are scheduled before the
/// turn that created them commits, so none is ever missing; one that fires for a bookmark that no longer exists is ignored.
/// </summary>
public interface ITimerScheduler
{
    Task ScheduleAsync(string instanceId, Bookmark bookmark, CancellationToken cancellationToken);

    /// <summary>Best effort: the bookmark is gone, so a late firing would be ignored anyway.</summary>
    Task UnscheduleAsync(Bookmark bookmark, CancellationToken cancellationToken);
}
