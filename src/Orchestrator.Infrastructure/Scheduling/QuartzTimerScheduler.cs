using Quartz;
using Orchestrator.Workflows.Runtime.Dispatch;
using Orchestrator.Workflows.Runtime.Instances;

namespace Orchestrator.Infrastructure.Scheduling;

/// <summary>Timers as Quartz triggers in its persistent store: one job per due bookmark, keyed by the bookmark id.</summary>
internal sealed class QuartzTimerScheduler(ISchedulerFactory schedulers) : ITimerScheduler
{
    private const string Group = "workflow-timers";

    public async Task ScheduleAsync(string instanceId, Bookmark bookmark, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var job = JobBuilder.Create<ResumeBookmarkJob>()
            .WithIdentity(bookmark.Id, Group)
            .UsingJobData(ResumeBookmarkJob.InstanceIdKey, instanceId)
            .UsingJobData(ResumeBookmarkJob.BookmarkIdKey, bookmark.Id)
            .UsingJobData(ResumeBookmarkJob.TimedOutKey, bookmark.DueMeansTimedOut.ToString())
            .Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(bookmark.Id, Group)
            .StartAt(bookmark.DueAt!.Value)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleJob(job, [trigger], new ScheduleJobOptions { Replace = true }, cancellationToken);
    }

    public async Task UnscheduleAsync(Bookmark bookmark, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.DeleteJob(new JobKey(bookmark.Id, Group), cancellationToken);
    }
}
