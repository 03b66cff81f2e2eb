namespace Orchestrator.Incidents;

/// <summary>Field changes to an incident; a null property is left as it is, an empty string clears a text field.</summary>
public sealed record IncidentUpdate(
    string? Title = null,
    string? Description = null,
    int? Impact = null,
    int? Urgency = null,
    int? Severity = null,
    string? Category = null,
    string? Subcategory = null,
    string? Service = null,
    string? Caller = null);
