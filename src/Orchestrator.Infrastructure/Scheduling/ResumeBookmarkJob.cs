using System.Text.Json.Nodes;
using Quartz;
using Orchestrator.Workflows.Runtime.Signals;

namespace Orchestrator.Infrastructure.Scheduling;

/// <summary>The one Quartz job of the host: resumes a bookmark by id when its time comes. Job data holds ids only.</summary>
public sealed class ResumeBookmarkJob(DueTimers due, Microsoft.Extensions.Logging.ILogger<ResumeBookmarkJob> logger) : IJob
{
    public const string InstanceIdKey = "instanceId";
    public const string BookmarkIdKey = "bookmarkId";
    public const string TimedOutKey = "timedOut";

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        JsonNode? payload = data.GetString(TimedOutKey) == bool.TrueString ? ResumeSignal.TimedOut() : null;
        due.Add(data.GetString(BookmarkIdKey)!, payload);
        if (logger.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Debug))
        {
            Microsoft.Extensions.Logging.LoggerExtensions.LogDebug(logger, "Timer {BookmarkId} fired {LatenessMs:F0} ms after its time",
                data.GetString(BookmarkIdKey), (DateTimeOffset.UtcNow - context.ScheduledFireTimeUtc.GetValueOrDefault(DateTimeOffset.UtcNow)).TotalMilliseconds);
        }
        return ValueTask.CompletedTask;
    }
}
