namespace Orchestrator.Incidents.Intake.Storage;

/// <summary>Persistence of integrations.</summary>
public interface IIntegrationStore
{
    /// <summary>Tracked for change.</summary>
    Task<Integration?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Not tracked: for authorising intake posts.</summary>
    Task<Integration?> FindByKeyAsync(string key, CancellationToken cancellationToken);

    Task<IReadOnlyList<Integration>> ListAsync(CancellationToken cancellationToken);

    void Add(Integration integration);

    Task CommitAsync(CancellationToken cancellationToken);
}
