using System.Text.Json.Serialization;
using Orchestrator.Incidents;
using Orchestrator.Incidents.Lifecycle;
using Orchestrator.Incidents.Major;
using Orchestrator.Incidents.Priority;

namespace Orchestrator.Server.Api.Incidents;

/// <summary>An incident as the API returns it.</summary>
public sealed record IncidentResponse(
    Guid Id,
    string Number,
    string Title,
    string? Description,
    IncidentState State,
    HoldReason? HoldReason,
    int Priority,
    string PriorityLabel,
    int Impact,
    int Urgency,
    int Severity,
    string? Category,
    string? Subcategory,
    string? Service,
    string? AssignmentGroup,
    string? Assignee,
    string? Caller,
    string? ResolutionCode,
    string? ResolutionNotes,
    Guid? ProblemId,
    MajorIncidentStatus MajorStatus,
    string? MajorReason,
    IReadOnlyDictionary<IcsRole, string> Roles,
    IReadOnlyList<IncidentState> AllowedTransitions,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? RespondedAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ClosedAt,
    int ReopenCount,
    int Version)
{
    /// <summary>The workflow runs about the incident, newest first; only on the single-incident routes.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<IncidentRunResponse>? Runs { get; init; }

    /// <summary>The SLA clocks (response, resolution); only on the single-incident routes.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Orchestrator.Incidents.Sla.SlaClockView>? Sla { get; init; }

    public static IncidentResponse From(Incident i) => new(
        i.Id, i.Number, i.Title, i.Description, i.State, i.HoldReason, i.Priority, PriorityLevels.Label(i.Priority),
        i.Impact, i.Urgency, i.Severity, i.Category, i.Subcategory, i.Service, i.AssignmentGroup, i.Assignee, i.Caller,
        i.ResolutionCode, i.ResolutionNotes, i.ProblemId, i.MajorStatus, i.MajorReason, i.Roles,
        IncidentTransitions.AllowedFrom(i.State), i.CreatedAt, i.UpdatedAt, i.RespondedAt, i.ResolvedAt, i.ClosedAt,
        i.ReopenCount, i.Version);
}
