using Microsoft.EntityFrameworkCore;
using Orchestrator.Workflows.Definitions;
using Orchestrator.Workflows.Definitions.Storage;

namespace Orchestrator.Infrastructure.Persistence.Workflows;

/// <summary>EF Core implementation of <see cref="IWorkflowDefinitionStore"/>.</summary>
internal sealed class EfWorkflowDefinitionStore(OrchestratorDbContext db, DefinitionCache cache, TimeProvider clock) : IWorkflowDefinitionStore
{
    private const int InsertAttempts = 5;

    public async Task<StoredDefinition?> GetAsync(string definitionId, int? version, CancellationToken cancellationToken)
    {
        var query = db.WorkflowDefinitions.AsNoTracking().Where(d => d.DefinitionId == definitionId);
        query = version is { } v ? query.Where(d => d.Version == v) : query.OrderByDescending(d => d.Version);
        return ToStored(await query.FirstOrDefaultAsync(cancellationToken));
    }

    public async Task<StoredDefinition?> GetPublishedAsync(string definitionId, CancellationToken cancellationToken) =>
        ToStored(await db.WorkflowDefinitions.AsNoTracking().FirstOrDefaultAsync(d => d.DefinitionId == definitionId && d.IsPublished, cancellationToken));

    public async Task<IReadOnlyList<StoredDefinition>> GetVersionsAsync(string definitionId, CancellationToken cancellationToken) =>
        (await db.WorkflowDefinitions.AsNoTracking().Where(d => d.DefinitionId == definitionId).OrderBy(d => d.Version).ToListAsync(cancellationToken))
            .Select(r => ToStored(r)!).ToList();

    public async Task<IReadOnlyList<DefinitionSummary>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await db.WorkflowDefinitions.AsNoTracking()
            .Select(d => new { d.DefinitionId, d.Version, d.Name, d.Description, d.IsPublished, d.CreatedAt })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.DefinitionId)
            .Select(g =>
            {
                var latest = g.MaxBy(r => r.Version)!;
                return new DefinitionSummary(g.Key, latest.Name, latest.Description, latest.Version,
                    g.FirstOrDefault(r => r.IsPublished)?.Version, latest.CreatedAt);
            })
            .OrderBy(s => s.DefinitionId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Every event asks this, so only the versions are read; their definitions come from the cache.</summary>
    public async Task<IReadOnlyList<WorkflowDefinition>> GetPublishedWithTriggersAsync(CancellationToken cancellationToken)
    {
        var versions = await db.WorkflowDefinitions.AsNoTracking().Where(d => d.IsPublished && d.HasTriggers)
            .Select(d => new { d.DefinitionId, d.Version }).ToListAsync(cancellationToken);
        var definitions = new List<WorkflowDefinition>(versions.Count);
        foreach (var version in versions)
        {
            if (await cache.GetAsync(this, version.DefinitionId, version.Version, cancellationToken) is { } definition)
            {
                definitions.Add(definition);
            }
        }

        return definitions;
    }

    public async Task<StoredDefinition> AddVersionAsync(WorkflowDefinition definition, string source, string? contentHash, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var latest = await db.WorkflowDefinitions.Where(d => d.DefinitionId == definition.DefinitionId)
                .MaxAsync(d => (int?)d.Version, cancellationToken) ?? 0;
            var stored = definition with { Version = latest + 1, IsPublished = false };
            var record = new WorkflowDefinitionRecord
            {
                DefinitionId = stored.DefinitionId,
                Version = stored.Version,
                Name = stored.Name,
                Description = stored.Description,
                HasTriggers = stored.Triggers.Count > 0,
                Json = WorkflowJson.Serialize(stored),
                Source = source,
                ContentHash = contentHash,
                CreatedAt = clock.GetUtcNow(),
            };
            db.WorkflowDefinitions.Add(record);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return ToStored(record)!;
            }
            catch (DbUpdateException) when (attempt < InsertAttempts)
            {
                // Someone else took this version number: detach and try the next one.
                db.Entry(record).State = EntityState.Detached;
            }
        }
    }

    public async Task SetPublishedAsync(string definitionId, int? version, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.WorkflowDefinitions.Where(d => d.DefinitionId == definitionId && d.IsPublished)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.IsPublished, false), cancellationToken);
        if (version is { } v)
        {
            await db.WorkflowDefinitions.Where(d => d.DefinitionId == definitionId && d.Version == v)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.IsPublished, true), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static StoredDefinition? ToStored(WorkflowDefinitionRecord? record) =>
        record is null
            ? null
            : new StoredDefinition(
                WorkflowJson.Deserialize(record.Json) with { Version = record.Version, IsPublished = record.IsPublished },
                record.CreatedAt, record.Source, record.ContentHash);
}
