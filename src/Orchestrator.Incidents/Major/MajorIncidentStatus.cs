namespace Orchestrator.Incidents.Major;

/// <summary>Where an incident stands on the way to being handled as a major incident.</summary>
public enum MajorIncidentStatus
{
    None,
    Proposed,
    Accepted,
    Rejected,
}
