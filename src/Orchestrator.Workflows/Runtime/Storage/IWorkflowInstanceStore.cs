using System.Text.Json.Nodes;
using Orchestrator.Workflows.Activities;

namespace Orchestrator.Workflows.Runtime.Storage;

/// <summary>
/// Durable storage of runs: instances with their flow state, bookmarks, journal, inbox and early stimuli, plus the
/// leases that keep one instance on one worker at a time.
/// </summary>
public interface IWorkflowInstanceStore
{
    /// <summary>Takes the instance's lease when it is free or expired; null when someone else holds it.</summary>
    Task<InstanceLease?> TryAcquireAsync(string instanceId, string owner, TimeSpan duration, CancellationToken cancellationToken);

    Task<LoadedInstance?> LoadAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Commits a turn atomically — for a new run, inserts it with its first turn; throws
    /// <see cref="StaleLeaseException"/> when the lease was lost.</summary>
    Task CommitAsync(TurnCommit commit, CancellationToken cancellationToken);

    Task ReleaseAsync(InstanceLease lease, CancellationToken cancellationToken);

    /// <summary>Clears every lease (a single node starting after a crash owns all runs).</summary>
    Task ReleaseAllAsync(CancellationToken cancellationToken);

    /// <summary>Leaves a message for an instance's next turn.</summary>
    Task PostAsync(string instanceId, InboxMessageKind kind, string? bookmarkId, JsonNode? payload, CancellationToken cancellationToken);

    Task<bool> HasInboxAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Instances with inbox messages or queued work whose lease is free or expired.</summary>
    Task<IReadOnlyList<string>> FindRunnableAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>Claims the unclaimed bookmarks due by <paramref name="now"/> (timers, approval time-outs) and resumes each
    /// through its instance's inbox; approvals resume with <c>{ "timedOut": true }</c>.</summary>
    /// <returns>The instances that received a resumption.</returns>
    Task<IReadOnlyList<string>> ResumeDueBookmarksAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>Claims and resumes many bookmarks in one transaction (timers falling due together); returns the instances resumed.</summary>
    Task<IReadOnlyList<string>> ResumeBookmarksAsync(IReadOnlyList<(string BookmarkId, JsonNode? Payload)> resumptions, CancellationToken cancellationToken);

    /// <summary>Claims one bookmark and resumes it with <paramref name="payload"/>; false when it does not exist or was already resumed.</summary>
    Task<bool> ResumeBookmarkAsync(string bookmarkId, JsonNode? payload, CancellationToken cancellationToken);

    Task<IReadOnlyList<PendingBookmark>> FindBookmarksAsync(BookmarkKind kind, string? name, string? correlationId, CancellationToken cancellationToken);

    Task<PendingBookmark?> FindBookmarkAsync(string bookmarkId, CancellationToken cancellationToken);

    Task<WorkflowInstance?> GetAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>A run and its journal as of one committed moment (read in one snapshot).</summary>
    Task<(WorkflowInstance Instance, IReadOnlyList<JournalEntry> Journal)?> GetWithJournalAsync(string instanceId, CancellationToken cancellationToken);

    Task<(IReadOnlyList<InstanceSummary> Items, int Total)> ListAsync(InstanceQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Delivers events, in order, in one transaction: a repeated delivery id is a duplicate and changes nothing;
    /// otherwise every unclaimed Event bookmark with the event's name and correlation is claimed and resumed through its
    /// instance's inbox; when none waits and a keep-until time is given, the event is kept until then for a bookmark
    /// still to come. One result per event, in the same order.
    /// </summary>
    Task<IReadOnlyList<EventDelivery>> DeliverEventsAsync(IReadOnlyList<EventToDeliver> events, CancellationToken cancellationToken);

    /// <summary>Forgets the delivery ids received before <paramref name="receivedBefore"/>; returns how many.</summary>
    Task<int> ForgetDeliveriesAsync(DateTimeOffset receivedBefore, CancellationToken cancellationToken);

    /// <summary>Hands kept events to Event bookmarks that now wait for them (of one instance, or of all when null).</summary>
    /// <returns>The instances that received an event.</returns>
    Task<IReadOnlyList<string>> DeliverKeptEventsAsync(string? instanceId, DateTimeOffset now, CancellationToken cancellationToken);
}
