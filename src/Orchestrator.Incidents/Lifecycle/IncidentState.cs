namespace Orchestrator.Incidents.Lifecycle;

/// <summary>The ITIL states an incident moves through. <see cref="Closed"/> and <see cref="Cancelled"/> are final.</summary>
public enum IncidentState
{
    New,
    Assigned,
    InProgress,
    OnHold,
    Resolved,
    Closed,
    Cancelled,
}
