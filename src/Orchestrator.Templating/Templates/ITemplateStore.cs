namespace Orchestrator.Templating.Templates;

/// <summary>Templates kept in the database: overrides of shipped templates and the site's own.</summary>
public interface ITemplateStore
{
    /// <summary>Every stored template.</summary>
    Task<IReadOnlyList<StoredTemplate>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The stored template of that name, or null.</summary>
    Task<StoredTemplate?> FindAsync(string name, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces the template.</summary>
    Task SaveAsync(StoredTemplate template, CancellationToken cancellationToken);

    /// <summary>Deletes the stored template.</summary>
    /// <returns>False when there was none.</returns>
    Task<bool> DeleteAsync(string name, CancellationToken cancellationToken);
}
