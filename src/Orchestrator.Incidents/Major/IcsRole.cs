namespace Orchestrator.Incidents.Major;

/// <summary>Incident Command System roles staffed on a major incident.</summary>
public enum IcsRole
{
    IncidentCommander,
    Scribe,
    CommunicationsLead,
    OperationsLead,
    SubjectMatterExpert,
}
