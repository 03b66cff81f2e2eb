using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Runtime.Storage;
using Orchestrator.Workflows.Runtime.Instances;

namespace Orchestrator.Infrastructure.Persistence.Workflows;

/// <summary>Reads of committed runs (<see cref="IWorkflowRunQueries"/>).</summary>
internal sealed partial class EfWorkflowInstanceStore : IWorkflowRunQueries
{
    public async Task<WorkflowInstance?> GetAsync(string instanceId, CancellationToken cancellationToken) =>
        (await GetWithJournalAsync(instanceId, cancellationToken))?.Instance;

    public async Task<(WorkflowInstance Instance, IReadOnlyList<JournalEntry> Journal)?> GetWithJournalAsync(string instanceId, CancellationToken cancellationToken)
    {
        // One snapshot, so the state, bookmarks and journal shown belong to the same committed turn.
        await using var snapshot = await BeginSnapshotAsync(cancellationToken);
        var loaded = await LoadAsync(instanceId, cancellationToken);
        if (loaded is null)
        {
            await snapshot.CommitAsync(cancellationToken); // ends the snapshot: a deferred SQLite transaction is not ended by its wrapper's disposal
            return null;
        }

        var journal = await GetJournalAsync(instanceId, cancellationToken);
        await snapshot.CommitAsync(cancellationToken);
        return (loaded.Instance, journal);
    }

    private async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> BeginSnapshotAsync(CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            return await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        }

        // A deferred SQLite transaction reads one WAL snapshot without taking the write lock.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (Microsoft.Data.Sqlite.SqliteConnection)db.Database.GetDbConnection();
        return (await db.Database.UseTransactionAsync(connection.BeginTransaction(deferred: true), cancellationToken))!;
    }

    private async Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, CancellationToken cancellationToken) =>
        (await db.WorkflowJournal.AsNoTracking().Where(j => j.InstanceId == instanceId).OrderBy(j => j.Seq).ToListAsync(cancellationToken))
            .Select(j => new JournalEntry(j.Seq, j.ActivityId, j.Type, j.Attempt, j.StartedAt, j.CompletedAt, j.Outcome, j.Error,
                j.OutputsJson is null ? null : JsonNode.Parse(j.OutputsJson)?.AsObject()))
            .ToList();

    public async Task<(IReadOnlyList<InstanceSummary> Items, int Total)> ListAsync(InstanceQuery query, CancellationToken cancellationToken)
    {
        var instances = db.WorkflowInstances.AsNoTracking();
        if (query.DefinitionId is { Length: > 0 } definitionId)
        {
            instances = instances.Where(i => i.DefinitionId == definitionId);
        }

        if (query.Status is { } status)
        {
            var text = status.ToString();
            instances = instances.Where(i => i.Status == text);
        }

        if (query.CorrelationId is { Length: > 0 } correlationId)
        {
            instances = instances.Where(i => i.CorrelationId == correlationId);
        }

        if (query.StartedAfter is { } after)
        {
            instances = instances.Where(i => i.CreatedAt >= after);
        }

        var total = await instances.CountAsync(cancellationToken);
        var items = await instances.OrderByDescending(i => i.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(i => new { i.Id, i.DefinitionId, i.DefinitionVersion, i.Status, i.CorrelationId, i.CreatedAt, i.UpdatedAt, i.FinishedAt, i.Trigger })
            .ToListAsync(cancellationToken);
        return (items.Select(i => new InstanceSummary(i.Id, i.DefinitionId, i.DefinitionVersion, Enum.Parse<WorkflowStatus>(i.Status),
            i.CorrelationId, i.CreatedAt, i.UpdatedAt, i.FinishedAt, i.Trigger)).ToList(), total);
    }

    public async Task<IReadOnlyList<PendingBookmark>> FindBookmarksAsync(BookmarkKind kind, string? name, string? correlationId, CancellationToken cancellationToken)
    {
        var kindText = kind.ToString();
        var bookmarks = db.WorkflowBookmarks.AsNoTracking().Where(b => b.Kind == kindText && b.ClaimedAt == null);
        if (name is not null)
        {
            bookmarks = bookmarks.Where(b => b.Name == name);
        }

        if (correlationId is not null)
        {
            bookmarks = bookmarks.Where(b => b.CorrelationId == correlationId);
        }

        var rows = await bookmarks
            .Join(db.WorkflowInstances, b => b.InstanceId, i => i.Id, (b, i) => new { Bookmark = b, i.DefinitionId })
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.Bookmark.CreatedAt)
            .Select(r => new PendingBookmark(r.Bookmark.InstanceId, r.DefinitionId, InstanceStateJson.ToBookmark(r.Bookmark))).ToList();
    }

    public async Task<PendingBookmark?> FindBookmarkAsync(string bookmarkId, CancellationToken cancellationToken)
    {
        var row = await db.WorkflowBookmarks.AsNoTracking().Where(b => b.Id == bookmarkId)
            .Join(db.WorkflowInstances, b => b.InstanceId, i => i.Id, (b, i) => new { Bookmark = b, i.DefinitionId })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null || row.Bookmark.ClaimedAt is not null
            ? null
            : new PendingBookmark(row.Bookmark.InstanceId, row.DefinitionId, InstanceStateJson.ToBookmark(row.Bookmark));
    }
}
