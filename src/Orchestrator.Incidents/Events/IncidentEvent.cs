using System.Text.Json.Nodes;

namespace Orchestrator.Incidents.Events;

/// <summary>
/// An incident event on its way to the workflow runtime. Written in the same transaction as the change that raised it
/// (a transactional outbox), so a crash between the commit and the hand-off loses nothing; its id makes a second
/// hand-off harmless.
/// </summary>
public sealed class IncidentEvent
{
    private IncidentEvent()
    {
        Name = Payload = string.Empty;
    }

    internal IncidentEvent(Guid incidentId, string name, JsonObject payload, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        IncidentId = incidentId;
        Name = name;
        Payload = payload.ToJsonString();
        CreatedAt = at;
    }

    public Guid Id { get; private set; }

    public Guid IncidentId { get; private set; }

    /// <summary>One of <see cref="IncidentEventNames"/>.</summary>
    public string Name { get; private set; }

    /// <summary>JSON: the event's own fields (<c>from</c>, <c>to</c>…) and <c>incident</c>, the incident as the change left it.</summary>
    public string Payload { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Makes a second delivery of this event a no-op, and names the runs it starts.</summary>
    public string DeliveryId => $"incident-event:{Id:N}";

    public JsonNode? ReadPayload() => JsonNode.Parse(Payload);
}
