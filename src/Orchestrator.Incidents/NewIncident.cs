namespace Orchestrator.Incidents;

/// <summary>What is known when an incident is recorded.</summary>
public sealed record NewIncident(
    string Title,
    int Impact,
    int Urgency,
    string? Description = null,
    int? Severity = null,
    string? Category = null,
    string? Subcategory = null,
    string? Service = null,
    string? Caller = null);
