using Orchestrator.Incidents.Errors;
using Orchestrator.Incidents.Intake;

namespace Orchestrator.Server.Api.Intake;

/// <summary>The body of <c>POST /api/integrations</c> and <c>PUT /api/integrations/{id}</c>.</summary>
public sealed record IntegrationRequest(
    string? Name,
    IntegrationKind? Kind,
    string? Service,
    string? Category,
    Dictionary<string, ImpactUrgency>? SeverityMapping,
    int? GroupingWindowSeconds,
    bool? AutoResolve,
    RefireBehaviour? OnRefire,
    IntakeRateLimit? RateLimit,
    WebhookMapping? Mapping,
    int? Version)
{
    public IntegrationSettings ToSettings() => new(
        Name,
        Kind ?? throw new InvalidFieldException("kind", "kind is required: Alertmanager, PagerDuty or Webhook."),
        Service,
        Category,
        SeverityMapping,
        GroupingWindowSeconds,
        AutoResolve,
        OnRefire,
        RateLimit,
        Mapping);
}
