using System.Text.Json.Nodes;
using Orchestrator.Workflows.Runtime.Instances;

namespace Orchestrator.Workflows.Runtime.Storage;

/// <summary>
/// Everything one turn changes, committed atomically under the lease: the instance (state and status), bookmarks
/// created and removed, journal entries, consumed inbox messages, child instances started, and messages for other instances.
/// </summary>
public sealed class TurnCommit(WorkflowInstance instance, InstanceLease? lease)
{
    public WorkflowInstance Instance { get; } = instance;

    /// <summary>The lease the turn ran under; null for the first turn of a new run, which is inserted with it.</summary>
    public InstanceLease? Lease { get; } = lease;

    public bool IsNew => Lease is null;

    /// <summary>Journal entries from this sequence number on are new (inserted); earlier ones are completions (updated).</summary>
    public long FirstNewJournalSeq { get; init; }

    public Dictionary<long, JournalEntry> Journal { get; } = [];

    public List<long> ConsumedInbox { get; } = [];

    public List<Bookmark> CreatedBookmarks { get; } = [];

    public List<Bookmark> RemovedBookmarks { get; } = [];

    public List<WorkflowInstance> NewInstances { get; } = [];

    public List<(string InstanceId, InboxMessageKind Kind, string? BookmarkId, JsonNode? Payload)> Messages { get; } = [];
}
