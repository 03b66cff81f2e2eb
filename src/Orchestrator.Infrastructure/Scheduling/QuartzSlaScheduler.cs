using Orchestrator.Incidents.Sla;
using Quartz;

namespace Orchestrator.Infrastructure.Scheduling;

/// <summary>One Quartz trigger per running SLA clock, at its next milestone, keyed by incident and clock (a new
/// schedule replaces the old; a paused or stopped clock has none). Job data holds ids only.</summary>
internal sealed class QuartzSlaScheduler(ISchedulerFactory schedulers) : ISlaScheduler
{
    public const string Group = "sla";

    public static string KeyOf(Guid incidentId, SlaClockKind kind) => $"{incidentId:N}-{kind}";

    public async Task ScheduleAsync(IReadOnlyList<SlaTimer> timers, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        foreach (var clock in timers)
        {
            var key = KeyOf(clock.IncidentId, clock.Kind);
            if (clock.At is not { } at)
            {
                await scheduler.DeleteJob(new JobKey(key, Group), cancellationToken);
                continue;
            }

            var job = JobBuilder.Create<SlaMilestoneJob>()
                .WithIdentity(key, Group)
                .UsingJobData(SlaMilestoneJob.IncidentIdKey, clock.IncidentId.ToString())
                .UsingJobData(SlaMilestoneJob.ClockKey, clock.Kind.ToString())
                .Build();
            var trigger = TriggerBuilder.Create()
                .WithIdentity(key, Group)
                .StartAt(at)
                .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
                .Build();
            await scheduler.ScheduleJob(job, [trigger], new ScheduleJobOptions { Replace = true }, cancellationToken);
        }
    }
}
