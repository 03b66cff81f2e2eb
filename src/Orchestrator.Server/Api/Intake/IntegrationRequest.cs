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
    IntegrationRequest.RateLimitRequest? RateLimit,
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
        RateLimit?.ToLimit(),
        Mapping);

    /// <summary><c>rateLimit</c>: both numbers are needed (an omitted one is named, not read as 0).</summary>
    public sealed record RateLimitRequest(int? RequestsPerSecond, int? Burst)
    {
        public IntakeRateLimit ToLimit() => new(
            RequestsPerSecond ?? throw new InvalidFieldException("rateLimit.requestsPerSecond",
                "rateLimit.requestsPerSecond is required when rateLimit is given: requests a second, 1–100000."),
            Burst ?? throw new InvalidFieldException("rateLimit.burst", "rateLimit.burst is required when rateLimit is given: requests at once, 1–1000000."));
    }
}
