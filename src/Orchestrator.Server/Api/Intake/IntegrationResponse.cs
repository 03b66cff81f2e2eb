using Orchestrator.Incidents.Intake;

namespace Orchestrator.Server.Api.Intake;

/// <summary>An integration as the API shows it, with the URL its source posts to.</summary>
public sealed record IntegrationResponse(
    Guid Id,
    string Name,
    IntegrationKind Kind,
    string Key,
    string IntakeUrl,
    string? Service,
    string? Category,
    IReadOnlyDictionary<string, ImpactUrgency> SeverityMapping,
    int GroupingWindowSeconds,
    bool AutoResolve,
    RefireBehaviour OnRefire,
    IntakeRateLimit RateLimit,
    WebhookMapping? Mapping,
    bool IsRevoked,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version)
{
    public static IntegrationResponse From(Integration integration, HttpRequest request) => new(
        integration.Id,
        integration.Name,
        integration.Kind,
        integration.Key,
        UrlOf(integration, $"{request.Scheme}://{request.Host}{request.PathBase}"),
        integration.Service,
        integration.Category,
        integration.SeverityMapping,
        integration.GroupingWindowSeconds,
        integration.AutoResolve,
        integration.OnRefire,
        integration.RateLimit,
        integration.Mapping,
        integration.IsRevoked,
        integration.CreatedAt,
        integration.UpdatedAt,
        integration.Version);

    /// <summary>Where a source posts for this integration, on a server reached at <paramref name="baseUrl"/> (the API and
    /// the integrations page show the same).</summary>
    public static string UrlOf(Integration integration, string baseUrl) =>
        integration.Kind switch
        {
            IntegrationKind.Alertmanager => $"{baseUrl}/api/intake/alertmanager/{integration.Key}",
            IntegrationKind.PagerDuty => $"{baseUrl}/v2/enqueue",
            _ => $"{baseUrl}/api/intake/webhook/{integration.Key}",
        };
}
