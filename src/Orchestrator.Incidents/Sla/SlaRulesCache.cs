namespace Orchestrator.Incidents.Sla;

/// <summary>The SLA settings in force, read from the store once and replaced when they are saved, so every incident
/// change can move its clocks without reading the settings again.</summary>
public sealed class SlaRulesCache
{
    private (SlaSettings Settings, SlaRules Rules)? _current;

    public async Task<(SlaSettings Settings, SlaRules Rules)> GetAsync(ISlaSettingsStore store, CancellationToken cancellationToken)
    {
        if (_current is { } current)
        {
            return current;
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

        _current = (settings, rules);
        return _current.Value;
    }

    public void Set(SlaSettings settings, SlaRules rules) => _current = (settings, rules);
}
