using Orchestrator.Incidents.Errors;
using Orchestrator.Incidents.Major;
using Orchestrator.Incidents.Timeline;

namespace Orchestrator.Incidents;

public sealed partial class Incident
{
    /// <summary>Propose the incident as major (from None or Rejected), then accept or reject the proposal.
    /// Proposing and rejecting need a reason.</summary>
    public void HandleMajor(MajorIncidentAction action, string? reason, Change change)
    {
        EnsureEditable("change the major-incident status of");
        var allowed = AllowedMajorActions();
        if (!allowed.Contains(action))
        {
            throw new IllegalTransitionException(MajorStatus.ToString(), action.ToString(), allowed.Select(a => a.ToString()).ToArray(),
                allowed.Count == 0
                    ? $"Cannot {action} a major incident while its status is {MajorStatus}: no major-incident action is possible now."
                    : $"Cannot {action} a major incident while its status is {MajorStatus} (allowed: {string.Join(", ", allowed)}).");
        }

        var why = FieldRules.Optional(reason, "reason", FieldRules.LongTextMaxLength);
        if (why is null && action != MajorIncidentAction.Accept)
        {
            throw new InvalidFieldException("reason", $"reason is required to {action.ToString().ToLowerInvariant()} a major incident.");
        }

        var from = MajorStatus;
        MajorStatus = action switch
        {
            MajorIncidentAction.Propose => MajorIncidentStatus.Proposed,
            MajorIncidentAction.Accept => MajorIncidentStatus.Accepted,
            _ => MajorIncidentStatus.Rejected,
        };
        MajorReason = why ?? MajorReason;
        var summary = action switch
        {
            MajorIncidentAction.Propose => "Proposed as a major incident",
            MajorIncidentAction.Accept => "Accepted as a major incident",
            _ => "Major incident proposal rejected",
        };
        Record(change, TimelineEntryKind.MajorIncident, why is null ? summary : $"{summary}: {why}",
            ("action", action.ToString()), ("from", from.ToString()), ("to", MajorStatus.ToString()), ("reason", why));
        Touch(change);
    }

    public IReadOnlyList<MajorIncidentAction> AllowedMajorActions() =>
        MajorStatus switch
        {
            MajorIncidentStatus.None or MajorIncidentStatus.Rejected => [MajorIncidentAction.Propose],
            MajorIncidentStatus.Proposed => [MajorIncidentAction.Accept, MajorIncidentAction.Reject],
            _ => [],
        };

    /// <summary>Names who holds an ICS role on a proposed or accepted major incident; an empty user frees the role.</summary>
    public void SetRole(IcsRole role, string? user, Change change)
    {
        EnsureEditable("staff a role on");
        if (MajorStatus is not (MajorIncidentStatus.Proposed or MajorIncidentStatus.Accepted))
        {
            throw new IllegalTransitionException(MajorStatus.ToString(), $"assign {role}", [nameof(MajorIncidentAction.Propose)],
                $"ICS roles are staffed on major incidents; incident {Number} is not one (major status {MajorStatus}). Propose it first.");
        }

        var holder = FieldRules.Optional(user, "user");
        _roles.TryGetValue(role, out var previous);
        if (previous == holder)
        {
            return;
        }

        var roles = new Dictionary<IcsRole, string>(_roles);
        if (holder is null)
        {
            roles.Remove(role);
        }
        else
        {
            roles[role] = holder;
        }

        _roles = roles;
        Record(change, TimelineEntryKind.RoleChanged, holder is null ? $"{role} role freed (was {previous})" : $"{holder} is {role}",
            ("role", role.ToString()), ("from", previous), ("to", holder));
        Touch(change);
    }
}
