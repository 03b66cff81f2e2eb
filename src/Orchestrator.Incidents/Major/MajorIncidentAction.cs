namespace Orchestrator.Incidents.Major;

/// <summary>Propose an incident as major, then accept or reject the proposal.</summary>
public enum MajorIncidentAction
{
    Propose,
    Accept,
    Reject,
}
