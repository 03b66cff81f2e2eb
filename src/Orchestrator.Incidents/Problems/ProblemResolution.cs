using Orchestrator.Incidents.Lifecycle;

namespace Orchestrator.Incidents.Problems;

/// <summary>
/// Resolving a problem resolves every linked incident that is On Hold awaiting it, with a note naming the problem.
/// Linked incidents in other states are left for their assignees.
/// </summary>
public static class ProblemResolution
{
    public const string DefaultResolutionCode = "Fixed";

    /// <returns>The incidents that were resolved.</returns>
    public static IReadOnlyList<Incident> Resolve(
        Problem problem,
        IEnumerable<Incident> linkedIncidents,
        string? rootCause,
        string? notes,
        string? resolutionCode,
        ResolutionCodes resolutionCodes,
        Change change)
    {
        var code = resolutionCodes.Find(resolutionCode ?? DefaultResolutionCode) ?? throw new Errors.InvalidFieldException("resolutionCode",
            $"'{resolutionCode ?? DefaultResolutionCode}' is not a resolution code: use one of {string.Join(", ", resolutionCodes.All)}.");
        problem.Resolve(rootCause, notes, change);
        var resolved = new List<Incident>();
        foreach (var incident in linkedIncidents)
        {
            if (incident.ProblemId != problem.Id || incident is not { State: IncidentState.OnHold, HoldReason: HoldReason.AwaitingProblem })
            {
                continue;
            }

            incident.Transition(
                new TransitionRequest(IncidentState.Resolved, ResolutionCode: code,
                    Notes: $"Resolved by problem {problem.Number}: {problem.RootCause}"),
                resolutionCodes,
                change);
            resolved.Add(incident);
        }

        return resolved;
    }

    /// <summary>Links an incident to a problem and records it on the incident's timeline.</summary>
    public static void Link(Problem problem, Incident incident, Change change) => incident.LinkProblem(problem, change);
}
