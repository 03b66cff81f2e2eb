namespace Orchestrator.Incidents.Intake;

/// <summary>Where an alert stands. Only Firing and Acknowledged alerts de-duplicate new posts.</summary>
public enum AlertStatus
{
    Firing,
    Acknowledged,
    Resolved,
}
