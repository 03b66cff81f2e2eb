using System.Text.Json.Nodes;

namespace Orchestrator.Workflows.Runtime.Turns;

/// <summary>
/// An event sent to the runtime: it resumes runs waiting for <see cref="Name"/> with this correlation and starts
/// published workflows whose triggers match.
/// </summary>
/// <param name="Name">The event name, e.g. "service.down".</param>
/// <param name="CorrelationId">Which waits it is for (e.g. an incident id); null matches waits without one.</param>
/// <param name="Payload">What the resumed activity outputs and the started run gets as input.</param>
/// <param name="DeliveryId">Makes a second delivery of the same event a no-op.</param>
/// <param name="KeepUnmatched">Keep the event for a while when nothing waits for it yet, so a wait created soon after
/// still gets it. High-volume events that only start workflows (alert.received) turn this off.</param>
/// <param name="OccurredAt">When the event happened, for an event taken from an outbox. With a
/// <paramref name="DeliveryId"/> it makes the runs it starts exactly-once: each run's id is derived from the delivery
/// id, the definition and this time, so a second delivery (after a crash between the two) starts only what is missing.</param>
public sealed record Stimulus(string Name, string? CorrelationId, JsonNode? Payload, string? DeliveryId = null, bool KeepUnmatched = true,
    DateTimeOffset? OccurredAt = null);
