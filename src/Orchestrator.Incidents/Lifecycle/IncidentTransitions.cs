namespace Orchestrator.Incidents.Lifecycle;

/// <summary>
/// The incident lifecycle as a table: which states may follow which. Documented as a diagram in docs/incidents.md;
/// keep the two in step.
/// </summary>
public static class IncidentTransitions
{
    private static readonly IReadOnlyDictionary<IncidentState, IncidentState[]> Table = new Dictionary<IncidentState, IncidentState[]>
    {
        [IncidentState.New] = [IncidentState.Assigned, IncidentState.InProgress, IncidentState.OnHold, IncidentState.Resolved, IncidentState.Cancelled],
        [IncidentState.Assigned] = [IncidentState.InProgress, IncidentState.OnHold, IncidentState.Resolved, IncidentState.Cancelled],
        [IncidentState.InProgress] = [IncidentState.OnHold, IncidentState.Resolved, IncidentState.Cancelled],
        [IncidentState.OnHold] = [IncidentState.InProgress, IncidentState.Resolved, IncidentState.Cancelled],
        [IncidentState.Resolved] = [IncidentState.InProgress, IncidentState.Closed],
        [IncidentState.Closed] = [],
        [IncidentState.Cancelled] = [],
    };

    /// <summary>The states an incident in <paramref name="from"/> may move to, in lifecycle order.</summary>
    public static IReadOnlyList<IncidentState> AllowedFrom(IncidentState from) => Table[from];

    public static bool IsAllowed(IncidentState from, IncidentState to) => Table[from].Contains(to);

    /// <summary>Closed and Cancelled incidents are read-only.</summary>
    public static bool IsFinal(IncidentState state) => Table[state].Length == 0;
}
