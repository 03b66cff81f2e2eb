namespace Orchestrator.Incidents.Intake;

/// <summary>What a user sets on an integration; null properties take their defaults.</summary>
public sealed record IntegrationSettings(
    string? Name,
    IntegrationKind Kind,
    string? Service = null,
    string? Category = null,
    IReadOnlyDictionary<string, ImpactUrgency>? SeverityMapping = null,
    int? GroupingWindowSeconds = null,
    bool? AutoResolve = null,
    RefireBehaviour? OnRefire = null,
    IntakeRateLimit? RateLimit = null,
    WebhookMapping? Mapping = null);
