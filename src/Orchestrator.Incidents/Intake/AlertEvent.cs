namespace Orchestrator.Incidents.Intake;

/// <summary>
/// An alert event on its way to the workflow runtime as the <c>alert.received</c> event. Stored in the same
/// transaction as the alert (a transactional outbox), so a crash between the commit and the hand-off loses nothing.
/// </summary>
public sealed class AlertEvent
{
    /// <summary>The workflow event every alert event raises.</summary>
    public const string EventName = "alert.received";

    private AlertEvent()
    {
        Name = Payload = string.Empty;
    }

    internal AlertEvent(string correlationId, string payload, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        Name = EventName;
        CorrelationId = correlationId;
        Payload = payload;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>The incident id: runs waiting on this incident's alerts match it.</summary>
    public string? CorrelationId { get; private set; }

    /// <summary>JSON: <c>{ event, alert, incident, integration }</c>.</summary>
    public string Payload { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The delivery id that makes a second hand-off of the same event harmless.</summary>
    public string DeliveryId => $"alert-event:{Id}";
}
