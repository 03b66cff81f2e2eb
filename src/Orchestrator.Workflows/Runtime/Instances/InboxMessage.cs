using System.Text.Json.Nodes;

namespace Orchestrator.Workflows.Runtime.Instances;

/// <summary>
/// Something for an instance to act on in its next turn, posted by anyone (events, approvals, timers, finished
/// children, action results, operators) without holding the instance's lease.
/// </summary>
public sealed record InboxMessage(long Id, string InstanceId, InboxMessageKind Kind, string? BookmarkId, JsonNode? Payload, DateTimeOffset CreatedAt);
