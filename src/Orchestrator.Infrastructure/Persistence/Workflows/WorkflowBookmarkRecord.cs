namespace Orchestrator.Infrastructure.Persistence.Workflows;

/// <summary>A bookmark row; <see cref="ClaimedAt"/> is set once something resumes it, so it is resumed only once.</summary>
public sealed class WorkflowBookmarkRecord
{
    public required string Id { get; init; }

    public required string InstanceId { get; init; }

    public required string ActivityId { get; init; }

    public required string Kind { get; init; }

    public required string Name { get; init; }

    public string? CorrelationId { get; init; }

    public DateTimeOffset? DueAt { get; init; }

    public string? DataJson { get; init; }

    public int Attempt { get; init; }

    public long JournalSeq { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ClaimedAt { get; set; }
}
