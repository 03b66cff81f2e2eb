using Orchestrator.Incidents.Intake;

namespace Orchestrator.Server.Api.Intake;

/// <summary>Changes to an integration that its key's cached lookup must not outlive: a changed integration's settings,
/// and a revoked key, take effect on the next post — for the API and the integrations page alike.</summary>
public sealed class IntegrationChanges(IntegrationService integrations, IntegrationKeyCache keys)
{
    public async Task<Integration> UpdateAsync(Guid id, int? version, IntegrationSettings settings, CancellationToken cancellationToken)
    {
        var integration = await integrations.UpdateAsync(id, version, settings, cancellationToken);
        keys.Forget(integration.Key);
        return integration;
    }

    public async Task<Integration> RevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        var integration = await integrations.RevokeAsync(id, cancellationToken);
        keys.Forget(integration.Key);
        return integration;
    }
}
