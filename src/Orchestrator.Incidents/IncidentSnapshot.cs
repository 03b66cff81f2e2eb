using System.Text.Json.Nodes;
using Orchestrator.Incidents.Lifecycle;
using Orchestrator.Incidents.Priority;

namespace Orchestrator.Incidents;

/// <summary>
/// An incident as workflows see it — the <c>incident</c> of event payloads, trigger filters and expressions — with the
/// field names of the API's incident (camelCase, enums as their names, times as ISO 8601).
/// </summary>
public static class IncidentSnapshot
{
    /// <summary>What the snapshot of a just-recorded incident looks like: the names the designer offers after
    /// <c>incident.</c> before any run exists.</summary>
    public static JsonObject Example { get; } = Of(Incident.Create("INC0000000", new NewIncident("Example", 2, 2), PriorityMatrix.Default,
        new Change("example", DateTimeOffset.UnixEpoch)));

    /// <param name="i">The incident.</param>
    /// <param name="isNew">For alert events: whether this alert opened the incident (adds <c>isNew</c>).</param>
    public static JsonObject Of(Incident i, bool? isNew = null)
    {
        var roles = new JsonObject();
        foreach (var (role, user) in i.Roles)
        {
            roles[role.ToString()] = user;
        }

        var snapshot = new JsonObject
        {
            ["id"] = i.Id.ToString(),
            ["number"] = i.Number,
            ["title"] = i.Title,
            ["description"] = i.Description,
            ["state"] = i.State.ToString(),
            ["holdReason"] = i.HoldReason?.ToString(),
            ["priority"] = i.Priority,
            ["priorityLabel"] = PriorityLevels.Label(i.Priority),
            ["impact"] = i.Impact,
            ["urgency"] = i.Urgency,
            ["severity"] = i.Severity,
            ["category"] = i.Category,
            ["subcategory"] = i.Subcategory,
            ["service"] = i.Service,
            ["assignmentGroup"] = i.AssignmentGroup,
            ["assignee"] = i.Assignee,
            ["caller"] = i.Caller,
            ["resolutionCode"] = i.ResolutionCode,
            ["resolutionNotes"] = i.ResolutionNotes,
            ["problemId"] = i.ProblemId?.ToString(),
            ["majorStatus"] = i.MajorStatus.ToString(),
            ["isMajor"] = i.MajorStatus == Major.MajorIncidentStatus.Accepted,
            ["roles"] = roles,
            ["allowedTransitions"] = new JsonArray(IncidentTransitions.AllowedFrom(i.State).Select(s => (JsonNode?)s.ToString()).ToArray()),
            ["createdAt"] = i.CreatedAt.ToString("O"),
            ["updatedAt"] = i.UpdatedAt.ToString("O"),
            ["respondedAt"] = i.RespondedAt?.ToString("O"),
            ["resolvedAt"] = i.ResolvedAt?.ToString("O"),
            ["closedAt"] = i.ClosedAt?.ToString("O"),
            ["reopenCount"] = i.ReopenCount,
            ["version"] = i.Version,
        };
        if (isNew is { } opened)
        {
            snapshot["isNew"] = opened;
        }

        return snapshot;
    }
}
