namespace Orchestrator.Workflows.Runtime.Events;

/// <summary>A change in a run for live views: an activity started, completed, suspended or faulted, or the run's status changed.</summary>
public sealed record WorkflowEvent(string InstanceId, WorkflowEventKind Kind, string? ActivityId, string? Detail, DateTimeOffset At);
