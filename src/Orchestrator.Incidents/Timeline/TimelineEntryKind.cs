namespace Orchestrator.Incidents.Timeline;

/// <summary>What a timeline entry records.</summary>
public enum TimelineEntryKind
{
    Created,
    StateChanged,
    FieldChanged,
    AssignmentChanged,
    RoleChanged,
    WorkNote,
    Comment,
    MajorIncident,
    ProblemLinked,

    /// <summary>An alert from monitoring fired, repeated, was acknowledged or resolved.</summary>
    Alert,

    /// <summary>A change (deploy, config change) reported for the incident's service.</summary>
    ChangeEvent,
}
