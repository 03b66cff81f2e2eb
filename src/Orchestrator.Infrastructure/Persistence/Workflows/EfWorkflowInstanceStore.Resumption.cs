using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Runtime.Storage;
using Orchestrator.Workflows.Runtime.Instances;
using Orchestrator.Workflows.Runtime.Signals;

namespace Orchestrator.Infrastructure.Persistence.Workflows;

/// <summary>Resuming bookmarks: each is claimed with a conditional update, so it is resumed exactly once whoever races for it.</summary>
internal sealed partial class EfWorkflowInstanceStore : IWorkflowRunInbox
{
    public async Task PostAsync(string instanceId, InboxMessageKind kind, string? bookmarkId, JsonNode? payload, CancellationToken cancellationToken)
    {
        db.WorkflowInbox.Add(new WorkflowInboxRecord
        {
            InstanceId = instanceId,
            Kind = kind.ToString(),
            BookmarkId = bookmarkId,
            PayloadJson = payload?.ToJsonString(),
            CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    public async Task<IReadOnlyList<string>> ResumeDueBookmarksAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        var due = await db.WorkflowBookmarks.AsNoTracking()
            .Where(b => b.DueAt != null && b.DueAt <= now && b.ClaimedAt == null)
            .OrderBy(b => b.DueAt).Take(max).ToListAsync(cancellationToken);
        var resumed = new List<string>();
        foreach (var bookmark in due)
        {
            JsonNode? payload = InstanceStateJson.ToBookmark(bookmark).DueMeansTimedOut ? ResumeSignal.TimedOut() : null;
            if (await ClaimAndPostAsync(bookmark.Id, bookmark.InstanceId, payload, cancellationToken))
            {
                resumed.Add(bookmark.InstanceId);
            }
        }

        return resumed.Distinct().ToList();
    }

    public async Task<IReadOnlyList<string>> ResumeBookmarksAsync(IReadOnlyList<(string BookmarkId, JsonNode? Payload)> resumptions, CancellationToken cancellationToken)
    {
        var ids = resumptions.Select(r => r.BookmarkId).ToList();
        var owners = await db.WorkflowBookmarks.AsNoTracking().Where(b => ids.Contains(b.Id) && b.ClaimedAt == null)
            .ToDictionaryAsync(b => b.Id, b => b.InstanceId, cancellationToken);
        if (owners.Count == 0)
        {
            return [];
        }

        var now = clock.GetUtcNow();
        var resumed = new List<string>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var (bookmarkId, payload) in resumptions)
        {
            if (owners.TryGetValue(bookmarkId, out var instanceId) && await ClaimAsync(bookmarkId, now, cancellationToken))
            {
                AddResume(instanceId, bookmarkId, payload, now);
                resumed.Add(instanceId);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return resumed.Distinct().ToList();
    }

    public async Task<bool> ResumeBookmarkAsync(string bookmarkId, JsonNode? payload, CancellationToken cancellationToken)
    {
        var instanceId = await db.WorkflowBookmarks.Where(b => b.Id == bookmarkId).Select(b => b.InstanceId).FirstOrDefaultAsync(cancellationToken);
        return instanceId is not null && await ClaimAndPostAsync(bookmarkId, instanceId, payload, cancellationToken);
    }

    public async Task<IReadOnlyList<EventDelivery>> DeliverEventsAsync(IReadOnlyList<EventToDeliver> events, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var deliveryIds = events.Select(e => e.Stimulus.DeliveryId).OfType<string>().Distinct().ToList();
        var delivered = deliveryIds.Count == 0
            ? []
            : (await db.WorkflowDeliveries.Where(d => deliveryIds.Contains(d.DeliveryId)).Select(d => d.DeliveryId).ToListAsync(cancellationToken)).ToHashSet();
        // One query finds which of the names anything waits for; only those are looked up event by event.
        var names = events.Select(e => e.Stimulus.Name).Distinct().ToList();
        var kind = nameof(BookmarkKind.Event);
        var awaited = (await db.WorkflowBookmarks.Where(b => b.Kind == kind && b.ClaimedAt == null && names.Contains(b.Name))
            .Select(b => b.Name).Distinct().ToListAsync(cancellationToken)).ToHashSet();

        var results = new List<EventDelivery>(events.Count);
        foreach (var (stimulus, keepUntil, startsRuns) in events)
        {
            if (stimulus.DeliveryId is { } deliveryId)
            {
                if (!delivered.Add(deliveryId))
                {
                    results.Add(new EventDelivery(Duplicate: true, [], Kept: false));
                    continue;
                }

                // An event that resumes, starts and keeps nothing changes nothing: delivering it again is harmless,
                // so it costs no row (alert intake sends thousands of these).
                if (startsRuns || keepUntil is not null || awaited.Contains(stimulus.Name))
                {
                    db.WorkflowDeliveries.Add(new WorkflowDeliveryRecord { DeliveryId = deliveryId, ReceivedAt = now });
                }
            }

            var resumed = new List<string>();
            if (awaited.Contains(stimulus.Name))
            {
                foreach (var bookmark in await WaitingForAsync(stimulus.Name, stimulus.CorrelationId, null, cancellationToken))
                {
                    if (await ClaimAsync(bookmark.Id, now, cancellationToken))
                    {
                        AddResume(bookmark.InstanceId, bookmark.Id, stimulus.Payload, now);
                        resumed.Add(bookmark.InstanceId);
                    }
                }
            }

            var keep = resumed.Count == 0 && keepUntil is not null;
            if (keep)
            {
                db.WorkflowStimuli.Add(new WorkflowStimulusRecord
                {
                    Name = stimulus.Name,
                    CorrelationId = stimulus.CorrelationId,
                    PayloadJson = stimulus.Payload?.ToJsonString(),
                    ReceivedAt = now,
                    ExpiresAt = keepUntil!.Value,
                });
            }

            results.Add(new EventDelivery(false, resumed, Kept: keep));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return results;
    }

    public Task<int> ForgetDeliveriesAsync(DateTimeOffset receivedBefore, CancellationToken cancellationToken) =>
        db.WorkflowDeliveries.Where(d => d.ReceivedAt < receivedBefore).ExecuteDeleteAsync(cancellationToken);

    public async Task<IReadOnlyList<string>> DeliverKeptEventsAsync(string? instanceId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await db.WorkflowStimuli.Where(s => s.ExpiresAt < now || s.DeliveredAt != null).ExecuteDeleteAsync(cancellationToken);
        var kept = await db.WorkflowStimuli.AsNoTracking().OrderBy(s => s.Id).Take(1000).ToListAsync(cancellationToken);
        if (kept.Count == 0)
        {
            return [];
        }

        var resumed = new List<string>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var stimulus in kept)
        {
            // One kept event resumes one waiting bookmark, the oldest: a later iteration's wait gets the next event.
            var bookmark = (await WaitingForAsync(stimulus.Name, stimulus.CorrelationId, instanceId, cancellationToken)).FirstOrDefault();
            if (bookmark is null || !await ClaimAsync(bookmark.Id, now, cancellationToken))
            {
                continue;
            }

            var taken = await db.WorkflowStimuli.Where(s => s.Id == stimulus.Id && s.DeliveredAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.DeliveredAt, now), cancellationToken);
            if (taken == 0)
            {
                await db.WorkflowBookmarks.Where(b => b.Id == bookmark.Id).ExecuteUpdateAsync(s => s.SetProperty(b => b.ClaimedAt, (DateTimeOffset?)null), cancellationToken);
                continue;
            }

            AddResume(bookmark.InstanceId, bookmark.Id, stimulus.PayloadJson is null ? null : JsonNode.Parse(stimulus.PayloadJson), now);
            resumed.Add(bookmark.InstanceId);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return resumed.Distinct().ToList();
    }

    private async Task<List<WorkflowBookmarkRecord>> WaitingForAsync(string name, string? correlationId, string? instanceId, CancellationToken cancellationToken)
    {
        var kind = nameof(BookmarkKind.Event);
        var query = db.WorkflowBookmarks.AsNoTracking().Where(b => b.Kind == kind && b.Name == name && b.ClaimedAt == null);
        query = correlationId is null ? query.Where(b => b.CorrelationId == null) : query.Where(b => b.CorrelationId == correlationId);
        if (instanceId is not null)
        {
            query = query.Where(b => b.InstanceId == instanceId);
        }

        return (await query.ToListAsync(cancellationToken)).OrderBy(b => b.CreatedAt).ToList();
    }

    private async Task<bool> ClaimAndPostAsync(string bookmarkId, string instanceId, JsonNode? payload, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await ClaimAsync(bookmarkId, now, cancellationToken))
        {
            return false;
        }

        AddResume(instanceId, bookmarkId, payload, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return true;
    }

    private async Task<bool> ClaimAsync(string bookmarkId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.WorkflowBookmarks.Where(b => b.Id == bookmarkId && b.ClaimedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.ClaimedAt, now), cancellationToken) == 1;

    private void AddResume(string instanceId, string bookmarkId, JsonNode? payload, DateTimeOffset now) =>
        db.WorkflowInbox.Add(new WorkflowInboxRecord
        {
            InstanceId = instanceId,
            Kind = nameof(InboxMessageKind.Resume),
            BookmarkId = bookmarkId,
            PayloadJson = payload?.ToJsonString(),
            CreatedAt = now,
        });
}
