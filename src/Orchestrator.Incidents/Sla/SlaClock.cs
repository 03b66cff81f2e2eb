namespace Orchestrator.Incidents.Sla;

/// <summary>
/// One SLA clock of an incident: its target, the working minutes it has run (<see cref="ElapsedMinutes"/> up to
/// <see cref="RunningSince"/>, then the calendar counts on), whether it is paused or stopped, and which of its
/// milestones (50 %, 75 %, breach) have been raised — each exactly once.
/// </summary>
public sealed class SlaClock
{
    /// <summary>The warnings and the breach, in order, as percentages of the target.</summary>
    public static IReadOnlyList<int> Milestones { get; } = [50, 75, 100];

    private SlaClock()
    {
        Calendar = BusinessCalendar.AlwaysName;
    }

    internal SlaClock(Guid incidentId, SlaClockKind kind, double targetMinutes, string calendar, DateTimeOffset startedAt)
    {
        IncidentId = incidentId;
        Kind = kind;
        TargetMinutes = targetMinutes;
        Calendar = calendar;
        StartedAt = startedAt;
        RunningSince = startedAt;
    }

    public Guid IncidentId { get; private set; }

    public SlaClockKind Kind { get; private set; }

    public double TargetMinutes { get; private set; }

    /// <summary>The calendar the clock counts on (a name from the SLA settings).</summary>
    public string Calendar { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    /// <summary>Working minutes counted before <see cref="RunningSince"/>.</summary>
    public double ElapsedMinutes { get; private set; }

    /// <summary>Since when the clock runs; null while paused (On Hold) or stopped.</summary>
    public DateTimeOffset? RunningSince { get; private set; }

    /// <summary>When the clock stopped for good (responded, resolved); cleared by a reopen of the resolution clock.</summary>
    public DateTimeOffset? StoppedAt { get; private set; }

    /// <summary>The highest milestone raised: 0, 50, 75 or 100 (breached).</summary>
    public int RaisedPercent { get; private set; }

    public bool IsRunning => RunningSince is not null;

    public bool IsPaused => RunningSince is null && StoppedAt is null;

    /// <summary>Working minutes run by <paramref name="now"/>.</summary>
    public double Elapsed(DateTimeOffset now, BusinessCalendar calendar) =>
        ElapsedMinutes + (RunningSince is { } since ? calendar.WorkingMinutesBetween(since, now) : 0);

    /// <summary>When the clock reaches <paramref name="percent"/> of its target if it keeps running; null when it does not run.</summary>
    public DateTimeOffset? TimeOf(int percent, BusinessCalendar calendar) =>
        RunningSince is { } since ? calendar.AddWorkingMinutes(since, TargetMinutes * percent / 100.0 - ElapsedMinutes) : null;

    /// <summary>The next milestone to raise and when it falls due; null when none will (stopped, paused or all raised).</summary>
    public (int Percent, DateTimeOffset At)? NextMilestone(BusinessCalendar calendar)
    {
        var next = Milestones.FirstOrDefault(m => m > RaisedPercent);
        return next == 0 || TimeOf(next, calendar) is not { } at ? null : (next, at);
    }

    internal void Pause(DateTimeOffset at, BusinessCalendar calendar)
    {
        if (RunningSince is { } since)
        {
            ElapsedMinutes += calendar.WorkingMinutesBetween(since, at);
            RunningSince = null;
        }
    }

    internal void Resume(DateTimeOffset at)
    {
        StoppedAt = null;
        RunningSince ??= at;
    }

    internal void Stop(DateTimeOffset at, BusinessCalendar calendar)
    {
        if (StoppedAt is null)
        {
            Pause(at, calendar);
            StoppedAt = at;
        }
    }

    /// <summary>A new target (priority changed), start and time run kept; milestones already passed under the new
    /// target are raised next (at once), those raised stay raised.</summary>
    internal void Retarget(double targetMinutes, string calendar)
    {
        TargetMinutes = targetMinutes;
        Calendar = calendar;
    }

    /// <summary>Records that <paramref name="percent"/> was raised; false when it (or a later one) was already.</summary>
    internal bool Raise(int percent)
    {
        if (percent <= RaisedPercent)
        {
            return false;
        }

        RaisedPercent = percent;
        return true;
    }
}
