using System.Text.Json.Serialization;

namespace Orchestrator.Server.Api.Intake;

/// <summary>PagerDuty's answer: <c>{ status, message, dedup_key?, errors? }</c>.</summary>
public sealed record PagerDutyResponse(
    string Status,
    string Message,
    [property: JsonPropertyName("dedup_key")] string? DedupKey,
    IReadOnlyList<string>? Errors);
