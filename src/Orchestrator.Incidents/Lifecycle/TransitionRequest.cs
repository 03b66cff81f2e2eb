namespace Orchestrator.Incidents.Lifecycle;

/// <summary>
/// A request to move an incident to <paramref name="To"/>, with the details some targets require: a hold reason for
/// OnHold, a resolution code and notes for Resolved, an assignment group or assignee for Assigned (unless set before).
/// </summary>
public sealed record TransitionRequest(
    IncidentState To,
    HoldReason? HoldReason = null,
    string? ResolutionCode = null,
    string? Notes = null,
    string? AssignmentGroup = null,
    string? Assignee = null);
