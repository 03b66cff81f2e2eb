namespace Orchestrator.Incidents.Sla;

/// <summary>The timer a clock needs: at its next milestone, or none (<see cref="At"/> null) when paused, stopped or done.</summary>
public sealed record SlaTimer(Guid IncidentId, SlaClockKind Kind, DateTimeOffset? At)
{
    public static SlaTimer Of(SlaClock clock, SlaRules rules) =>
        new(clock.IncidentId, clock.Kind, clock.NextMilestone(SlaTracker.CalendarOf(clock, rules))?.At);
}
