using System.Text.Json.Nodes;
using Orchestrator.Incidents.Intake;

namespace Orchestrator.Server.Api.Intake;

/// <summary>A stored alert as the API shows it.</summary>
public sealed record AlertResponse(
    Guid Id,
    Guid IntegrationId,
    Guid IncidentId,
    string Fingerprint,
    string? GroupKey,
    AlertStatus Status,
    string Summary,
    string Severity,
    string? Source,
    string? Service,
    int Count,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    DateTimeOffset FirstSeenAt,
    DateTimeOffset LastSeenAt,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? ResolvedAt,
    JsonNode? Details)
{
    public static AlertResponse From(Alert alert) => new(
        alert.Id, alert.IntegrationId, alert.IncidentId, alert.Fingerprint, alert.GroupKey, alert.Status, alert.Summary,
        alert.Severity, alert.Source, alert.Service, alert.Count, alert.StartsAt, alert.EndsAt, alert.FirstSeenAt,
        alert.LastSeenAt, alert.AcknowledgedAt, alert.ResolvedAt, JsonNode.Parse(alert.Details));
}
