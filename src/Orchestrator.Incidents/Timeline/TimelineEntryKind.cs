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
}
