namespace Orchestrator.Incidents.Sla;

/// <summary>Keeps one timer per running clock, at its next milestone (50 %, 75 %, breach); none for a paused or
/// stopped clock. The timer calls <see cref="SlaService.RaiseDueAsync"/>.</summary>
public interface ISlaScheduler
{
    Task ScheduleAsync(IReadOnlyList<SlaTimer> timers, CancellationToken cancellationToken);
}
