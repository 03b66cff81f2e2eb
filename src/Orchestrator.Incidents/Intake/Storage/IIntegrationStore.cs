namespace Orchestrator.Incidents.Intake.Storage;

/// <summary>Persistence of integrations.</summary>
public interface IIntegrationStore
{
    /// <summary>Tracked for change.</summary>
    Task<Integration?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Not tracked: for authorising intake posts.</summary>
    Task<Integration?> FindByKeyAsync(string key, CancellationToken cancellationToken);

    Task<IReadOnlyList<Integration>> ListAsync(CancellationToken cancellationToken);

    /// <summary>True when another integration than <paramref name="exceptId"/> has this name.</summary>
    Task<bool> NameTakenAsync(string name, Guid? exceptId, CancellationToken cancellationToken);

    void Add(Integration integration);

    /// <summary>Saves; a name taken meanwhile by another writer throws <see cref="Errors.ConflictException"/>.</summary>
    Task CommitAsync(CancellationToken cancellationToken);
}
