using System.Text.Json.Nodes;

namespace Orchestrator.Server.Api.Workflows;

/// <summary>Body of <c>POST /api/workflow-definitions/{id}/run</c>; <c>version</c> runs that version (a draft, to test
/// it) instead of the published one.</summary>
public sealed record RunWorkflowRequest(JsonNode? Input = null, string? CorrelationId = null, int? Version = null);

/// <summary>Body of <c>POST /api/events/{name}</c>; a repeated <c>deliveryId</c> is ignored as a duplicate.</summary>
public sealed record EventRequest(string? CorrelationId = null, JsonNode? Payload = null, string? DeliveryId = null);

/// <summary>Body of <c>POST /api/approvals/{id}</c>.</summary>
public sealed record DecisionRequest(string? Decision, string? Comment = null);
