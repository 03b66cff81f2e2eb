namespace Orchestrator.Workflows.Definitions.Storage;

/// <summary>Versioned storage of workflow definitions. Versions are immutable once written; only the published flag moves.</summary>
public interface IWorkflowDefinitionStore
{
    Task<StoredDefinition?> GetAsync(string definitionId, int? version, CancellationToken cancellationToken);

    Task<StoredDefinition?> GetPublishedAsync(string definitionId, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredDefinition>> GetVersionsAsync(string definitionId, CancellationToken cancellationToken);

    Task<IReadOnlyList<DefinitionSummary>> ListAsync(CancellationToken cancellationToken);

    /// <summary>All published definitions that declare at least one trigger.</summary>
    Task<IReadOnlyList<WorkflowDefinition>> GetPublishedWithTriggersAsync(CancellationToken cancellationToken);

    /// <summary>Adds the next version (latest + 1, or 1) and returns it; concurrent adders never get the same number.</summary>
    Task<StoredDefinition> AddVersionAsync(WorkflowDefinition definition, string source, string? contentHash, CancellationToken cancellationToken);

    /// <summary>Makes <paramref name="version"/> the only published version; null retracts (no version published).</summary>
    Task SetPublishedAsync(string definitionId, int? version, CancellationToken cancellationToken);
}
