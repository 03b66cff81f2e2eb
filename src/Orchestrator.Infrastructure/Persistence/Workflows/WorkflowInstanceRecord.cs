namespace Orchestrator.Infrastructure.Persistence.Workflows;

/// <summary>A run: identity and status as columns (for queries), flow state as JSON, and its lease.</summary>
public sealed class WorkflowInstanceRecord
{
    public required string Id { get; init; }

    public required string DefinitionId { get; init; }

    public int DefinitionVersion { get; init; }

    public required string Status { get; set; }

    public string? CorrelationId { get; init; }

    public string? ParentInstanceId { get; init; }

    public string? ParentBookmarkId { get; init; }

    /// <summary>What started the run (see <c>WorkflowInstance.Trigger</c>).</summary>
    public string? Trigger { get; init; }

    public required string StateJson { get; set; }

    /// <summary>True while the run has queued work (not waiting, not faulted): a crashed run is picked up by this.</summary>
    public bool HasWork { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public int Version { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseExpiresAt { get; set; }

    public long LeaseToken { get; set; }
}
