using System.Text.Json.Nodes;

namespace Orchestrator.Incidents.Intake;

/// <summary>
/// The alert events of one intake request on their way to the workflow runtime, each as an <c>alert.received</c>
/// event. Stored in the same transaction as the alerts (a transactional outbox), so a crash between the commit and
/// the hand-off loses nothing; one row per request rather than per event keeps a 100-alert post cheap.
/// </summary>
public sealed class AlertEventBatch
{
    /// <summary>The workflow event every alert event raises.</summary>
    public const string EventName = "alert.received";

    private AlertEventBatch()
    {
        Events = "[]";
    }

    internal AlertEventBatch(IEnumerable<(string CorrelationId, JsonObject Payload)> events, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        CreatedAt = now;
        Events = new JsonArray(events.Select(e => (JsonNode)new JsonObject { ["correlationId"] = e.CorrelationId, ["payload"] = e.Payload }).ToArray()).ToJsonString();
    }

    public Guid Id { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>JSON: <c>[{ correlationId, payload: { event, alert, incident, integration } }]</c>.</summary>
    public string Events { get; private set; }

    /// <summary>The events in order, each with the delivery id that makes a second hand-off of it harmless.</summary>
    public IReadOnlyList<(string DeliveryId, string? CorrelationId, JsonNode? Payload)> Read() =>
        JsonNode.Parse(Events)!.AsArray()
            .Select((e, i) => ($"alert-event:{Id}:{i}", e!["correlationId"]?.GetValue<string>(), e["payload"]))
            .ToList();
}
