using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace Orchestrator.Server.Hosting;

/// <summary>Healthy when the Quartz scheduler (timers, time-outs) is running.</summary>
internal sealed class SchedulerHealthCheck(ISchedulerFactory schedulers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        return scheduler.Status == SchedulerStatus.Running
            ? HealthCheckResult.Healthy("The scheduler is running.")
            : HealthCheckResult.Unhealthy("The scheduler is not running.");
    }
}
