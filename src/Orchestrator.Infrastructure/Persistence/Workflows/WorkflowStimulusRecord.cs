namespace Orchestrator.Infrastructure.Persistence.Workflows;

/// <summary>An event kept because no bookmark waited for it yet.</summary>
public sealed class WorkflowStimulusRecord
{
    public long Id { get; init; }

    public required string Name { get; init; }

    public string? CorrelationId { get; init; }

    public string? PayloadJson { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? DeliveredAt { get; set; }
}
