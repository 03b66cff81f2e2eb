namespace Orchestrator.Infrastructure.Persistence.Workflows;

/// <summary>A message waiting for an instance's next turn.</summary>
public sealed class WorkflowInboxRecord
{
    public long Id { get; init; }

    public required string InstanceId { get; init; }

    public required string Kind { get; init; }

    public string? BookmarkId { get; init; }

    public string? PayloadJson { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
