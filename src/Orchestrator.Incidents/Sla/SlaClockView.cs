namespace Orchestrator.Incidents.Sla;

/// <summary>A clock as the API and the incident page show it (CONTRACT.md: <c>sla</c> of an incident).</summary>
public sealed record SlaClockView(
    SlaClockKind Clock,
    double TargetMinutes,
    string Calendar,
    DateTimeOffset StartedAt,
    DateTimeOffset? DueAt,
    double ElapsedMinutes,
    double RemainingMinutes,
    int Percent,
    bool Paused,
    bool Stopped,
    bool Breached)
{
    public static SlaClockView Of(SlaClock clock, SlaRules rules, DateTimeOffset now)
    {
        var calendar = SlaTracker.CalendarOf(clock, rules);
        var elapsed = clock.Elapsed(now, calendar);
        return new SlaClockView(clock.Kind, clock.TargetMinutes, clock.Calendar, clock.StartedAt, clock.TimeOf(100, calendar),
            Math.Round(elapsed, 3), Math.Round(clock.TargetMinutes - elapsed, 3), (int)Math.Min(999, Math.Floor(100 * elapsed / clock.TargetMinutes)),
            clock.IsPaused, clock.StoppedAt is not null, clock.RaisedPercent >= 100 || elapsed >= clock.TargetMinutes);
    }
}
