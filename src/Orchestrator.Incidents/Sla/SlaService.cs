using Orchestrator.Incidents.Storage;

namespace Orchestrator.Incidents.Sla;

/// <summary>The SLA use cases: read and save the settings (validated, naming the field at fault), show an incident's
/// clocks, and raise a clock's milestones when they fall due — each once, on the timeline and as an event.</summary>
public sealed class SlaService(IIncidentStore store, ISlaSettingsStore settingsStore, SlaRulesCache cache, TimeProvider clock)
{
    /// <summary>A timer may fire this much early (clock skew between nodes) and still count.</summary>
    private static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(1);

    public async Task<SlaSettings> GetSettingsAsync(CancellationToken cancellationToken) => (await cache.GetAsync(settingsStore, cancellationToken)).Settings;

    public async Task<SlaSettings> SaveSettingsAsync(SlaSettings settings, string actor, CancellationToken cancellationToken)
    {
        var rules = settings.Validate();
        await settingsStore.SaveAsync(settings, actor, cancellationToken);
        cache.Set(settings, rules);
        return settings;
    }

    public async Task<IReadOnlyList<SlaClockView>> ClocksOfAsync(Guid incidentId, CancellationToken cancellationToken)
    {
        var (_, rules) = await cache.GetAsync(settingsStore, cancellationToken);
        var now = clock.GetUtcNow();
        return (await store.FindSlaClocksAsync(incidentId, cancellationToken)).OrderBy(c => c.Kind).Select(c => SlaClockView.Of(c, rules, now)).ToList();
    }

    /// <summary>Raises every milestone of the clock that is due now (a late timer raises the 50 % and 75 % it missed in
    /// order); the store schedules the next one. Nothing when the clock is paused, stopped or not due.</summary>
    public async Task RaiseDueAsync(Guid incidentId, SlaClockKind kind, CancellationToken cancellationToken)
    {
        var (_, rules) = await cache.GetAsync(settingsStore, cancellationToken);
        var incident = await store.FindIncidentAsync(incidentId, cancellationToken);
        var slaClock = (await store.FindSlaClocksAsync(incidentId, cancellationToken)).FirstOrDefault(c => c.Kind == kind);
        if (incident is null || slaClock is null)
        {
            return;
        }

        var calendar = SlaTracker.CalendarOf(slaClock, rules);
        var now = clock.GetUtcNow();
        while (slaClock.NextMilestone(calendar) is { } next && next.At <= now + Tolerance)
        {
            slaClock.Raise(next.Percent);
            incident.NoteSla(kind, next.Percent, slaClock.TargetMinutes, next.At, now);
        }

        await store.CommitAsync(cancellationToken, [slaClock]);
    }
}
