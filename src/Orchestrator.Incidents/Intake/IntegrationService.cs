using Orchestrator.Incidents.Errors;
using Orchestrator.Incidents.Intake.Storage;
using Orchestrator.Templating;

namespace Orchestrator.Incidents.Intake;

/// <summary>Creating, changing and revoking integrations.</summary>
public sealed class IntegrationService(IIntegrationStore store, ScriptSandbox sandbox, TimeProvider clock)
{
    public async Task<Integration> CreateAsync(IntegrationSettings settings, CancellationToken cancellationToken)
    {
        var integration = Integration.Create(settings, IntegrationKey.Generate(), sandbox, clock.GetUtcNow());
        await EnsureNameFreeAsync(integration, cancellationToken);
        store.Add(integration);
        await store.CommitAsync(cancellationToken);
        return integration;
    }

    public async Task<Integration> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) ?? throw new NotFoundException("integration", id);

    public Task<IReadOnlyList<Integration>> ListAsync(CancellationToken cancellationToken) => store.ListAsync(cancellationToken);

    public async Task<Integration> UpdateAsync(Guid id, int? version, IntegrationSettings settings, CancellationToken cancellationToken)
    {
        var integration = await GetAsync(id, cancellationToken);
        if (version is { } expected && expected != integration.Version)
        {
            throw new StaleVersionException("integration", expected, integration.Version);
        }

        integration.Update(settings, sandbox, clock.GetUtcNow());
        await EnsureNameFreeAsync(integration, cancellationToken);
        await store.CommitAsync(cancellationToken);
        return integration;
    }

    /// <summary>Names identify integrations on timelines ("integration:&lt;name&gt;"), so they are unique.</summary>
    private async Task EnsureNameFreeAsync(Integration integration, CancellationToken cancellationToken)
    {
        if (await store.NameTakenAsync(integration.Name, integration.Id, cancellationToken))
        {
            throw new ConflictException("name", $"An integration named '{integration.Name}' already exists; choose another name.");
        }
    }

    public async Task<Integration> RevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        var integration = await GetAsync(id, cancellationToken);
        integration.Revoke(clock.GetUtcNow());
        await store.CommitAsync(cancellationToken);
        return integration;
    }
}
