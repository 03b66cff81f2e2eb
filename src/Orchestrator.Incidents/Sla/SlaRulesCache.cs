namespace Orchestrator.Incidents.Sla;

/// <summary>The SLA settings in force, read from the store and kept for a minute (replaced at once when this node saves
/// them; other nodes sharing the database take them up within <see cref="MaxAge"/>), so an incident change can move its
/// clocks without reading the settings each time.</summary>
public sealed class SlaRulesCache
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private volatile Entry? _current;

    public async Task<(SlaSettings Settings, SlaRules Rules)> GetAsync(ISlaSettingsStore store, CancellationToken cancellationToken)
    {
        if (_current is { } current && Environment.TickCount64 - current.LoadedAt < MaxAge.TotalMilliseconds)
        {
            return (current.Settings, current.Rules);
        }

        var settings = await store.GetAsync(cancellationToken) ?? SlaSettings.Default;
        SlaRules rules;
        try
        {
            rules = settings.Validate();
        }
        catch (Errors.InvalidFieldException)
        {
            (settings, rules) = (SlaSettings.Default, SlaSettings.Default.Validate()); // saved settings are validated; this is a safety net
        }

        Set(settings, rules);
        return (settings, rules);
    }

    public void Set(SlaSettings settings, SlaRules rules) => _current = new Entry(settings, rules, Environment.TickCount64);

    private sealed record Entry(SlaSettings Settings, SlaRules Rules, long LoadedAt);
}
