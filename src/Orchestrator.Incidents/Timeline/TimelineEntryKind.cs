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

    /// <summary>The caller answered "is it fixed?" (<c>POST /api/incidents/{id}/verification</c>).</summary>
    Verification,

    /// <summary>An SLA clock reached 50 % or 75 % of its target.</summary>
    SlaWarning,

    /// <summary>An SLA clock reached its target.</summary>
    SlaBreached,

    /// <summary>A workflow run started for the incident, or a step of one recorded something (e.g. a skipped notification).</summary>
    Workflow,
}
