using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Workflows.Runtime.Storage;
using Orchestrator.Workflows.Runtime.Instances;

namespace Orchestrator.Infrastructure.Persistence.Workflows;

/// <summary>EF Core storage of runs, in three parts by concept: runs, leases and turn commits here (<see cref="IWorkflowRunStore"/>),
/// waking runs in <c>.Resumption.cs</c> (<see cref="IWorkflowRunInbox"/>), reads in <c>.Queries.cs</c> (<see cref="IWorkflowRunQueries"/>).
/// One class, so a scope's runner, inbox and queries share one context.</summary>
internal sealed partial class EfWorkflowInstanceStore(OrchestratorDbContext db, TimeProvider clock) : IWorkflowRunStore
{
    public async Task<InstanceLease?> TryAcquireAsync(string instanceId, string owner, TimeSpan duration, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var expires = now + duration;
        var taken = await db.WorkflowInstances
            .Where(i => i.Id == instanceId && (i.LeaseOwner == null || i.LeaseExpiresAt < now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(i => i.LeaseOwner, owner)
                .SetProperty(i => i.LeaseExpiresAt, expires)
                .SetProperty(i => i.LeaseToken, i => i.LeaseToken + 1), cancellationToken);
        if (taken == 0)
        {
            return null;
        }

        var token = await db.WorkflowInstances.Where(i => i.Id == instanceId).Select(i => i.LeaseToken).FirstAsync(cancellationToken);
        return new InstanceLease(instanceId, owner, token, expires);
    }

    public async Task<LoadedInstance?> LoadAsync(string instanceId, CancellationToken cancellationToken)
    {
        var record = await db.WorkflowInstances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == instanceId, cancellationToken);
        if (record is null)
        {
            return null;
        }

        var bookmarks = await db.WorkflowBookmarks.AsNoTracking().Where(b => b.InstanceId == instanceId).ToListAsync(cancellationToken);
        var inbox = await db.WorkflowInbox.AsNoTracking().Where(m => m.InstanceId == instanceId).OrderBy(m => m.Id).ToListAsync(cancellationToken);
        return new LoadedInstance(
            InstanceStateJson.Deserialize(record, bookmarks.OrderBy(b => b.CreatedAt).Select(InstanceStateJson.ToBookmark)),
            inbox.Select(m => new InboxMessage(m.Id, m.InstanceId, Enum.Parse<InboxMessageKind>(m.Kind), m.BookmarkId,
                m.PayloadJson is null ? null : JsonNode.Parse(m.PayloadJson), m.CreatedAt)).ToList());
    }

    public Task<bool> ExistsAsync(string instanceId, CancellationToken cancellationToken) =>
        db.WorkflowInstances.AnyAsync(i => i.Id == instanceId, cancellationToken);

    public async Task CommitAsync(TurnCommit commit, CancellationToken cancellationToken)
    {
        var instance = commit.Instance;
        if (commit.IsNew)
        {
            // A new run and its first turn: inserts only, one SaveChanges, one transaction.
            instance.Version = 1;
            db.WorkflowInstances.Add(NewRecord(instance));
            AddTurnRows(commit);
            await WriteJournalAsync(instance.Id, commit.Journal.Values, commit.FirstNewJournalSeq, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                if (await db.WorkflowInstances.AnyAsync(i => i.Id == instance.Id, cancellationToken))
                {
                    throw new DuplicateRunException(instance.Id);
                }

                throw;
            }

            db.ChangeTracker.Clear();
            return;
        }

        var lease = commit.Lease!;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var state = InstanceStateJson.Serialize(instance);
        var status = instance.Status.ToString();
        var hasWork = HasWork(instance);
        var newVersion = instance.Version + 1;
        var loadedVersion = instance.Version;
        var target = lease.IsLocal
            ? db.WorkflowInstances.Where(i => i.Id == instance.Id && i.Version == loadedVersion)
            : db.WorkflowInstances.Where(i => i.Id == instance.Id && i.LeaseOwner == lease.Owner && i.LeaseToken == lease.Token);
        var updated = await target
            .ExecuteUpdateAsync(s => s
                .SetProperty(i => i.StateJson, state)
                .SetProperty(i => i.Status, status)
                .SetProperty(i => i.HasWork, hasWork)
                .SetProperty(i => i.UpdatedAt, instance.UpdatedAt)
                .SetProperty(i => i.FinishedAt, instance.FinishedAt)
                .SetProperty(i => i.Version, newVersion)
                .SetProperty(i => i.LeaseOwner, (string?)null) // every commit releases the lease
                .SetProperty(i => i.LeaseExpiresAt, (DateTimeOffset?)null), cancellationToken);
        if (updated == 0)
        {
            throw new StaleLeaseException(instance.Id);
        }

        if (commit.ConsumedInbox.Count > 0)
        {
            await db.WorkflowInbox.Where(m => commit.ConsumedInbox.Contains(m.Id)).ExecuteDeleteAsync(cancellationToken);
        }

        var removed = commit.RemovedBookmarks.Select(b => b.Id).ToList();
        if (removed.Count > 0)
        {
            await db.WorkflowBookmarks.Where(b => removed.Contains(b.Id)).ExecuteDeleteAsync(cancellationToken);
        }

        AddTurnRows(commit);
        await WriteJournalAsync(instance.Id, commit.Journal.Values, commit.FirstNewJournalSeq, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        instance.Version = newVersion;
    }

    /// <summary>The rows a turn adds besides the instance: bookmarks, child runs, messages for other runs.</summary>
    private void AddTurnRows(TurnCommit commit)
    {
        db.WorkflowBookmarks.AddRange(commit.CreatedBookmarks.Select(b => InstanceStateJson.ToRecord(commit.Instance.Id, b)));
        db.WorkflowInstances.AddRange(commit.NewInstances.Select(NewRecord));
        var now = clock.GetUtcNow();
        db.WorkflowInbox.AddRange(commit.Messages.Select(m => new WorkflowInboxRecord
        {
            InstanceId = m.InstanceId,
            Kind = m.Kind.ToString(),
            BookmarkId = m.BookmarkId,
            PayloadJson = m.Payload?.ToJsonString(),
            CreatedAt = now,
        }));
    }

    public async Task ReleaseAsync(InstanceLease lease, CancellationToken cancellationToken) =>
        await db.WorkflowInstances
            .Where(i => i.Id == lease.InstanceId && i.LeaseOwner == lease.Owner && i.LeaseToken == lease.Token)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.LeaseOwner, (string?)null).SetProperty(i => i.LeaseExpiresAt, (DateTimeOffset?)null), cancellationToken);

    public async Task ReleaseAllAsync(CancellationToken cancellationToken) =>
        await db.WorkflowInstances
            .Where(i => i.LeaseOwner != null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.LeaseOwner, (string?)null).SetProperty(i => i.LeaseExpiresAt, (DateTimeOffset?)null), cancellationToken);

    public Task<bool> HasInboxAsync(string instanceId, CancellationToken cancellationToken) =>
        db.WorkflowInbox.AnyAsync(m => m.InstanceId == instanceId, cancellationToken);

    public async Task<IReadOnlyList<string>> FindRunnableAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        // Two indexed queries rather than one OR: the sweep runs often and must stay cheap with many suspended runs.
        var withWork = await db.WorkflowInstances.AsNoTracking()
            .Where(i => i.HasWork && (i.LeaseOwner == null || i.LeaseExpiresAt < now))
            .OrderBy(i => i.Id).Select(i => i.Id).Take(max).ToListAsync(cancellationToken);
        var withMessages = await db.WorkflowInbox.AsNoTracking()
            .Select(m => m.InstanceId).Distinct()
            .Join(db.WorkflowInstances.Where(i => i.LeaseOwner == null || i.LeaseExpiresAt < now), id => id, i => i.Id, (id, _) => id)
            .OrderBy(id => id).Take(max).ToListAsync(cancellationToken);
        return withWork.Union(withMessages).ToList();
    }

    private async Task WriteJournalAsync(string instanceId, ICollection<JournalEntry> entries, long firstNewSeq, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return;
        }

        // Entries numbered before this turn began complete executions that suspended earlier: load those to update them.
        var seqs = entries.Select(e => e.Seq).Where(seq => seq < firstNewSeq).ToList();
        var existing = seqs.Count == 0
            ? []
            : await db.WorkflowJournal.Where(j => j.InstanceId == instanceId && seqs.Contains(j.Seq)).ToDictionaryAsync(j => j.Seq, cancellationToken);
        foreach (var entry in entries)
        {
            if (existing.TryGetValue(entry.Seq, out var record))
            {
                // Resumed: complete the entry written when the activity suspended; its start stays as it was.
                record.CompletedAt = entry.CompletedAt;
                record.Outcome = Short(entry.Outcome);
                record.Error = entry.Error;
                record.OutputsJson = entry.Outputs?.ToJsonString();
            }
            else
            {
                db.WorkflowJournal.Add(new WorkflowJournalRecord
                {
                    InstanceId = instanceId,
                    Seq = entry.Seq,
                    ActivityId = entry.ActivityId,
                    Type = entry.Type,
                    Attempt = entry.Attempt,
                    StartedAt = entry.StartedAt,
                    CompletedAt = entry.CompletedAt,
                    Outcome = Short(entry.Outcome),
                    Error = entry.Error,
                    OutputsJson = entry.Outputs?.ToJsonString(),
                });
            }
        }
    }

    /// <summary>Outcomes are port names; a case or option name longer than the column is kept cut.</summary>
    private static string? Short(string? outcome) => outcome is { Length: > 200 } ? outcome[..200] : outcome;

    private static bool HasWork(WorkflowInstance instance) =>
        instance.Queue.Count > 0 && instance.Status is WorkflowStatus.Running or WorkflowStatus.Suspended;

    private static WorkflowInstanceRecord NewRecord(WorkflowInstance instance) => new()
    {
        Id = instance.Id,
        DefinitionId = instance.DefinitionId,
        DefinitionVersion = instance.DefinitionVersion,
        Status = instance.Status.ToString(),
        CorrelationId = instance.CorrelationId,
        ParentInstanceId = instance.ParentInstanceId,
        ParentBookmarkId = instance.ParentBookmarkId,
        Trigger = instance.Trigger,
        StateJson = InstanceStateJson.Serialize(instance),
        HasWork = HasWork(instance),
        CreatedAt = instance.CreatedAt,
        UpdatedAt = instance.UpdatedAt,
        FinishedAt = instance.FinishedAt,
        Version = instance.Version,
    };
}
