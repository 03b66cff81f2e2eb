namespace Orchestrator.Incidents.Sla;

/// <summary>Where the SLA settings are kept; null until someone saves them (the defaults apply).</summary>
public interface ISlaSettingsStore
{
    Task<SlaSettings?> GetAsync(CancellationToken cancellationToken);

    Task SaveAsync(SlaSettings settings, string actor, CancellationToken cancellationToken);
}
