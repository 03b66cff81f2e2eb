namespace Orchestrator.Infrastructure.Persistence.Workflows;

/// <summary>One journal entry of a run.</summary>
public sealed class WorkflowJournalRecord
{
    public required string InstanceId { get; init; }

    public long Seq { get; init; }

    public required string ActivityId { get; set; }

    public required string Type { get; set; }

    public int Attempt { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public string? Outcome { get; set; }

    public string? Error { get; set; }

    public string? OutputsJson { get; set; }
}
