using Microsoft.EntityFrameworkCore;
using Orchestrator.Incidents.Sla;
using Orchestrator.Infrastructure.Persistence;
using Orchestrator.Infrastructure.Scheduling;
using Quartz;

namespace Orchestrator.Infrastructure.Sla;

/// <summary>At start-up, gives every running SLA clock that has no timer one (a crash between a commit and its
/// scheduling, or timers lost with a Quartz store); clocks that have one keep it.</summary>
public sealed class SlaClockSweep(OrchestratorDbContext db, ISchedulerFactory schedulers, ISlaScheduler scheduler, ISlaSettingsStore settings, SlaRulesCache cache)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var quartz = await schedulers.GetScheduler(cancellationToken);
        var scheduled = (await quartz.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(QuartzSlaScheduler.Group), cancellationToken)).Select(k => k.Name).ToHashSet();
        var running = await db.SlaClocks.AsNoTracking().Where(c => c.RunningSince != null).ToListAsync(cancellationToken);
        var missing = running.Where(c => !scheduled.Contains(QuartzSlaScheduler.KeyOf(c.IncidentId, c.Kind))).ToList();
        if (missing.Count > 0)
        {
            var rules = (await cache.GetAsync(settings, cancellationToken)).Rules;
            await scheduler.ScheduleAsync(missing.Select(c => SlaTimer.Of(c, rules)).ToList(), cancellationToken);
        }

        return missing.Count;
    }
}
