using Orchestrator.Incidents.Lifecycle;
using Orchestrator.Incidents.Major;
using Orchestrator.Incidents.Priority;
using Orchestrator.Incidents.Problems;

namespace Orchestrator.Incidents.Tests;

/// <summary>Builds incidents in any lifecycle state through the public domain methods only.</summary>
internal static class IncidentFactory
{
    public const string Number = "INC0001001";
    public const string Actor = "tester";
    public const string Group = "Service Desk";
    public const string Assignee = "alice";

    public static readonly DateTimeOffset Now = new(2026, 1, 15, 9, 30, 0, TimeSpan.Zero);

    /// <summary>The fixed change every setup step is made with.</summary>
    public static Change Change { get; } = new(Actor, Now);

    /// <summary>A change by another actor, a given number of minutes after <see cref="Now"/>.</summary>
    public static Change Later(int minutes, string actor = "bob") => new(actor, Now.AddMinutes(minutes));

    public static Incident Create(int impact = 2, int urgency = 2, PriorityMatrix? matrix = null, string title = "Mail is down") =>
        Incident.Create(Number, new NewIncident(title, impact, urgency), matrix ?? PriorityMatrix.Default, Change);

    /// <summary>An incident in <paramref name="state"/>, reached along the usual path New → Assigned → InProgress → …</summary>
    public static Incident InState(IncidentState state)
    {
        var incident = Create();
        switch (state)
        {
            case IncidentState.New:
                break;
            case IncidentState.Assigned:
                incident.Assign(Group, Assignee, Change);
                break;
            case IncidentState.InProgress:
                incident.Assign(Group, Assignee, Change);
                Move(incident, IncidentState.InProgress);
                break;
            case IncidentState.OnHold:
                incident.Assign(Group, Assignee, Change);
                Move(incident, IncidentState.InProgress);
                Move(incident, IncidentState.OnHold);
                break;
            case IncidentState.Resolved:
                incident.Assign(Group, Assignee, Change);
                Move(incident, IncidentState.InProgress);
                Move(incident, IncidentState.Resolved);
                break;
            case IncidentState.Closed:
                incident.Assign(Group, Assignee, Change);
                Move(incident, IncidentState.InProgress);
                Move(incident, IncidentState.Resolved);
                Move(incident, IncidentState.Closed);
                break;
            case IncidentState.Cancelled:
                Move(incident, IncidentState.Cancelled);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(state), state, null);
        }

        if (incident.State != state)
        {
            throw new InvalidOperationException($"Factory reached {incident.State} instead of {state}.");
        }

        return incident;
    }

    /// <summary>A final incident that had been proposed as major before it ended (so only finality blocks changes).</summary>
    public static Incident FinalMajor(IncidentState finalState)
    {
        var incident = Create();
        incident.HandleMajor(MajorIncidentAction.Propose, "Whole site affected", Change);
        if (finalState == IncidentState.Closed)
        {
            incident.Assign(Group, Assignee, Change);
            Move(incident, IncidentState.InProgress);
            Move(incident, IncidentState.Resolved);
        }

        Move(incident, finalState);
        return incident;
    }

    /// <summary>The request with the details <paramref name="to"/> requires.</summary>
    public static TransitionRequest RequestFor(IncidentState to) =>
        to switch
        {
            IncidentState.OnHold => new TransitionRequest(to, HoldReason: HoldReason.AwaitingVendor),
            IncidentState.Resolved => new TransitionRequest(to, ResolutionCode: "Fixed", Notes: "Restarted the mail relay"),
            _ => new TransitionRequest(to),
        };

    /// <summary>Moves with the required details (a move to Assigned names the group and assignee).</summary>
    public static void Move(Incident incident, IncidentState to, Change? change = null)
    {
        if (to == IncidentState.Assigned)
        {
            incident.Transition(new TransitionRequest(to, AssignmentGroup: Group, Assignee: Assignee), ResolutionCodes.Default, change ?? Change);
            return;
        }

        incident.Transition(RequestFor(to), ResolutionCodes.Default, change ?? Change);
    }

    public static Problem CreateProblem(string number = "PRB0001001", string? rootCause = "Mail relay certificate expired") =>
        Problem.Create(number, new NewProblem("Mail relay outages", RootCause: rootCause), Change);

    /// <summary>An incident linked to <paramref name="problem"/> and waiting On Hold for it.</summary>
    public static Incident AwaitingProblem(Problem problem)
    {
        var incident = InState(IncidentState.InProgress);
        ProblemResolution.Link(problem, incident, Change);
        incident.Transition(new TransitionRequest(IncidentState.OnHold, HoldReason: HoldReason.AwaitingProblem), ResolutionCodes.Default, Change);
        return incident;
    }
}

/// <summary>What a rejected command must leave untouched.</summary>
internal sealed record Snapshot(IncidentState State, int Version, int NewEntries, DateTimeOffset UpdatedAt)
{
    public static Snapshot Of(Incident incident) =>
        new(incident.State, incident.Version, incident.NewTimelineEntries.Count, incident.UpdatedAt);

    public void ShouldMatch(Incident incident) => Of(incident).Should().Be(this);
}
