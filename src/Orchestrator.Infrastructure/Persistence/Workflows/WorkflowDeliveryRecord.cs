namespace Orchestrator.Infrastructure.Persistence.Workflows;

/// <summary>A delivery id seen, so a repeated event is recognised as a duplicate.</summary>
public sealed class WorkflowDeliveryRecord
{
    public required string DeliveryId { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }
}
