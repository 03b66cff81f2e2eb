using Orchestrator.Incidents.Errors;
using Orchestrator.Incidents.Lifecycle;
using Orchestrator.Incidents.Timeline;

namespace Orchestrator.Incidents;

public sealed partial class Incident
{
    /// <summary>
    /// Moves the incident through its lifecycle. Illegal moves throw <see cref="IllegalTransitionException"/> listing the
    /// allowed targets; a target's missing details (hold reason, resolution code, notes) throw
    /// <see cref="InvalidFieldException"/> naming the field. Nothing changes unless the whole move is valid.
    /// </summary>
    public void Transition(TransitionRequest request, ResolutionCodes resolutionCodes, Change change)
    {
        var to = request.To;
        if (!IncidentTransitions.IsAllowed(State, to))
        {
            var allowed = IncidentTransitions.AllowedFrom(State).Select(s => s.ToString()).ToArray();
            var options = allowed.Length == 0 ? $"{State} is final" : $"allowed from {State}: {string.Join(", ", allowed)}";
            throw new IllegalTransitionException(State.ToString(), to.ToString(), allowed,
                $"Incident {Number} cannot move from {State} to {to} ({options}).");
        }

        var notes = FieldRules.Optional(request.Notes, "notes", FieldRules.LongTextMaxLength);
        if (request.HoldReason is not null && to != IncidentState.OnHold)
        {
            throw new InvalidFieldException("holdReason", "holdReason is only given when moving to OnHold.");
        }

        if (request.ResolutionCode is not null && to != IncidentState.Resolved)
        {
            throw new InvalidFieldException("resolutionCode", "resolutionCode is only given when moving to Resolved.");
        }

        if ((request.AssignmentGroup ?? request.Assignee) is not null && to != IncidentState.Assigned)
        {
            throw new InvalidFieldException("assignee", "group and assignee are only given when moving to Assigned; use the assignment operation otherwise.");
        }

        switch (to)
        {
            case IncidentState.Assigned:
                MoveToAssigned(request.AssignmentGroup, request.Assignee, notes, change);
                break;
            case IncidentState.OnHold:
                PutOnHold(request.HoldReason, notes, change);
                break;
            case IncidentState.Resolved:
                Resolve(request.ResolutionCode, notes, resolutionCodes, change);
                break;
            case IncidentState.InProgress when State == IncidentState.Resolved:
                Reopen(notes, change);
                break;
            default:
                MoveTo(to, change, notes);
                break;
        }

        Touch(change);
    }

    /// <summary>
    /// The caller's answer to "is it fixed?" on a Resolved incident: a confirmation closes it, a rejection reopens it
    /// (InProgress) with the caller's words. Any other state is refused with <see cref="IllegalTransitionException"/>.
    /// </summary>
    public void Verify(bool confirmed, string? comment, ResolutionCodes resolutionCodes, Change change)
    {
        if (State != IncidentState.Resolved)
        {
            throw new IllegalTransitionException(State.ToString(), "verification", [nameof(IncidentState.Resolved)],
                $"Incident {Number} is {State}; only a Resolved incident can be confirmed or rejected by its caller.");
        }

        var words = FieldRules.Optional(comment, "comment", FieldRules.LongTextMaxLength);
        if (!confirmed && words is null)
        {
            throw new InvalidFieldException("comment", "comment is required when the caller says it is not fixed: say what still goes wrong.");
        }

        Record(change, TimelineEntryKind.Verification,
            confirmed ? (words is null ? "The caller confirmed the fix" : $"The caller confirmed the fix: {words}") : $"The caller says it is not fixed: {words}",
            ("confirmed", confirmed ? "true" : "false"), ("comment", words));
        if (confirmed)
        {
            MoveTo(IncidentState.Closed, change, "Confirmed by the caller");
        }
        else
        {
            Reopen($"Not fixed, says the caller: {words}", change);
        }

        Touch(change);
    }

    private void MoveToAssigned(string? group, string? assignee, string? notes, Change change)
    {
        var newGroup = FieldRules.Optional(group, "group") ?? AssignmentGroup;
        var newAssignee = FieldRules.Optional(assignee, "assignee") ?? Assignee;
        if (newGroup is null && newAssignee is null)
        {
            throw new InvalidFieldException("assignee", "Give an assignment group or an assignee to move to Assigned.");
        }

        if (newGroup != AssignmentGroup || newAssignee != Assignee)
        {
            RecordAssignment(newGroup, newAssignee, change);
        }

        MoveTo(IncidentState.Assigned, change, notes);
    }

    private void PutOnHold(HoldReason? reason, string? notes, Change change)
    {
        if (reason is not { } holdReason)
        {
            throw new InvalidFieldException("holdReason",
                $"holdReason is required to put an incident On Hold: one of {string.Join(", ", Enum.GetNames<HoldReason>())}.");
        }

        if (holdReason == Lifecycle.HoldReason.AwaitingCaller && notes is null)
        {
            throw new InvalidFieldException("notes", "notes are required when awaiting the caller: say what the caller must provide.");
        }

        HoldReason = holdReason;
        MoveTo(IncidentState.OnHold, change, notes, ("holdReason", holdReason.ToString()));
    }

    private void Resolve(string? code, string? notes, ResolutionCodes resolutionCodes, Change change)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            throw new InvalidFieldException("resolutionCode",
                $"resolutionCode is required to resolve: one of {string.Join(", ", resolutionCodes.All)}.");
        }

        var known = resolutionCodes.Find(code) ?? throw new InvalidFieldException("resolutionCode",
            $"'{code}' is not a resolution code: use one of {string.Join(", ", resolutionCodes.All)}.");
        if (notes is null)
        {
            throw new InvalidFieldException("notes", "notes are required to resolve: say what was done.");
        }

        ResolutionCode = known;
        ResolutionNotes = notes;
        ResolvedAt = change.At;
        MoveTo(IncidentState.Resolved, change, notes, ("resolutionCode", known));
    }

    private void Reopen(string? notes, Change change)
    {
        ReopenCount++;
        ResolutionCode = null;
        ResolutionNotes = null;
        ResolvedAt = null;
        MoveTo(IncidentState.InProgress, change, notes, ("reopened", "true"));
    }

    private void MoveTo(IncidentState to, Change change, string? notes, params (string Key, string? Value)[] extra)
    {
        var from = State;
        if (from == IncidentState.OnHold)
        {
            HoldReason = null;
        }

        State = to;
        RespondedAt ??= to == IncidentState.InProgress ? change.At : null;
        if (to == IncidentState.Closed)
        {
            ClosedAt = change.At;
        }

        var summary = to switch
        {
            IncidentState.InProgress when from == IncidentState.Resolved => "Reopened: Resolved → InProgress",
            IncidentState.OnHold => $"State changed from {from} to OnHold ({HoldReason})",
            IncidentState.Resolved => $"Resolved ({ResolutionCode})",
            _ => $"State changed from {from} to {to}",
        };
        if (notes is not null)
        {
            summary += $": {notes}";
        }

        Record(change, TimelineEntryKind.StateChanged, summary,
            [("from", from.ToString()), ("to", to.ToString()), ("notes", notes), .. extra]);
    }
}
