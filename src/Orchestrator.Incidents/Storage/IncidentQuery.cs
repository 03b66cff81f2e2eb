using Orchestrator.Incidents.Lifecycle;

namespace Orchestrator.Incidents.Storage;

/// <summary>Filters for the incident list; <see cref="Text"/> searches number, title and description.</summary>
public sealed record IncidentQuery(
    IncidentState? State = null,
    int? Priority = null,
    string? Service = null,
    string? Assignee = null,
    string? Text = null,
    Guid? ProblemId = null,
    int Page = 1,
    int PageSize = 20);
