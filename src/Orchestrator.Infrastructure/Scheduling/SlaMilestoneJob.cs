using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orchestrator.Incidents.Sla;
using Quartz;

namespace Orchestrator.Infrastructure.Scheduling;

/// <summary>Fires when an SLA clock reaches its next milestone: raises what is due (once) and schedules the next.</summary>
public sealed class SlaMilestoneJob(IServiceScopeFactory scopes, ILogger<SlaMilestoneJob> logger) : IJob
{
    public const string IncidentIdKey = "incidentId";
    public const string ClockKey = "clock";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var incidentId = Guid.Parse(data.GetString(IncidentIdKey)!);
        var clock = Enum.Parse<SlaClockKind>(data.GetString(ClockKey)!);
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            await scope.ServiceProvider.GetRequiredService<SlaService>().RaiseDueAsync(incidentId, clock, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The clock keeps no timer now; the start-up sweep gives it one again.
            logger.LogError(e, "Raising the {Clock} SLA milestone of incident {IncidentId} failed", clock, incidentId);
            return;
        }

        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.LogDebug("SLA timer {Clock} of {IncidentId} fired {LatenessMs:F0} ms after its time", clock, incidentId,
                (DateTimeOffset.UtcNow - context.ScheduledFireTimeUtc.GetValueOrDefault(DateTimeOffset.UtcNow)).TotalMilliseconds);
        }
    }
}
