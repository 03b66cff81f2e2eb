namespace Orchestrator.Workflows.Runtime.Events;

/// <summary>A trigger filter that failed on an event (e.g. it read a field the payload lacks), so its workflow did not start.</summary>
public sealed record TriggerFailure(string DefinitionId, string Event, string? CorrelationId, string Error, DateTimeOffset At);
