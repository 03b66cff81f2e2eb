namespace Orchestrator.Incidents.Sla;

/// <summary>The two SLA clocks of an incident (CONTRACT.md "SLA").</summary>
public enum SlaClockKind
{
    /// <summary>From creation to the first move to Assigned or InProgress made by a person.</summary>
    Response,

    /// <summary>From creation to Resolved, paused while On Hold.</summary>
    Resolution,
}
