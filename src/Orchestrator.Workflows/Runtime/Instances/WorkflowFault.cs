namespace Orchestrator.Workflows.Runtime.Instances;

/// <summary>Why a run is Faulted: the activity, its attempt, and the error.</summary>
public sealed record WorkflowFault(string ActivityId, int Attempt, string Message, DateTimeOffset At);
