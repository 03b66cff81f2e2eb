using System.Text.Json.Serialization;
using Orchestrator.Incidents.Lifecycle;
using Orchestrator.Incidents.Major;
using Orchestrator.Incidents.Timeline;

namespace Orchestrator.Server.Api.Incidents;

/// <summary>Body of <c>POST /api/incidents</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CreateIncidentRequest(
    string? Title,
    int? Impact,
    int? Urgency,
    string? Description = null,
    int? Severity = null,
    string? Category = null,
    string? Subcategory = null,
    string? Service = null,
    string? Caller = null);

/// <summary>Body of <c>PATCH /api/incidents/{id}</c>: only the fields present change; "" clears a text field.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record UpdateIncidentRequest(
    string? Title = null,
    string? Description = null,
    int? Impact = null,
    int? Urgency = null,
    int? Severity = null,
    string? Category = null,
    string? Subcategory = null,
    string? Service = null,
    string? Caller = null,
    int? Version = null);

/// <summary>Body of <c>POST /api/incidents/{id}/transitions</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record TransitionIncidentRequest(
    IncidentState? To,
    HoldReason? HoldReason = null,
    string? ResolutionCode = null,
    string? Notes = null,
    string? Group = null,
    string? Assignee = null,
    int? Version = null);

/// <summary>Body of <c>POST /api/incidents/{id}/assignment</c>: null leaves a value as it is, "" clears it.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record AssignIncidentRequest(string? Group = null, string? Assignee = null, int? Version = null);

/// <summary>Body of <c>POST /api/incidents/{id}/notes</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
/// <summary><c>POST /api/incidents/{id}/verification</c>: the caller's answer to "is it fixed?".</summary>
public sealed record VerificationRequest(bool? Confirmed, string? Comment);

public sealed record AddNoteRequest(string? Text, NoteKind? Kind = null, int? Version = null);

/// <summary>Body of <c>PUT /api/incidents/{id}/roles/{role}</c>; a null or empty user frees the role.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SetRoleRequest(string? User, int? Version = null);

/// <summary>Body of <c>POST /api/incidents/{id}/major</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record MajorIncidentRequest(MajorIncidentAction? Action, string? Reason = null, int? Version = null);
