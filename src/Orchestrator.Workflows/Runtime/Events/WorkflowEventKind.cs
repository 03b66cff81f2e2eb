namespace Orchestrator.Workflows.Runtime.Events;

/// <summary>Kinds of <see cref="WorkflowEvent"/>.</summary>
public enum WorkflowEventKind
{
    ActivityStarted,
    ActivityCompleted,
    ActivitySuspended,
    ActivityFaulted,
    ActivityCancelled,
    StatusChanged,
}
