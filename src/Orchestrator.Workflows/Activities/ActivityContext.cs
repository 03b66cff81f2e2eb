using Microsoft.Extensions.Logging;
using Orchestrator.Workflows.Definitions;

namespace Orchestrator.Workflows.Activities;

/// <summary>Everything an activity sees while it runs: its node, evaluated inputs, the run's variables and identity.</summary>
public sealed class ActivityContext
{
    public required ActivityNode Node { get; init; }

    /// <summary>Input values after expression evaluation, as plain .NET values (string, long, double, bool, lists, dictionaries).</summary>
    public required IReadOnlyDictionary<string, object?> Inputs { get; init; }

    /// <summary>The run's variables; changes are kept with the run.</summary>
    public required IDictionary<string, object?> Variables { get; init; }

    public required string InstanceId { get; init; }

    public required string DefinitionId { get; init; }

    public required int DefinitionVersion { get; init; }

    public string? CorrelationId { get; init; }

    /// <summary>1 for the first attempt, then 2, 3… on retries.</summary>
    public int Attempt { get; init; } = 1;

    /// <summary><c>instanceId/activityId/attempt</c>: the same on a re-run after a crash, so actions can make repeats harmless.</summary>
    public string IdempotencyKey => $"{InstanceId}/{Node.Id}/{Attempt}";

    public required DateTimeOffset Now { get; init; }

    /// <summary>When resuming: the due time of the wait that was resumed, so an activity that waits again (the event
    /// was not the one it wants) keeps its deadline.</summary>
    public DateTimeOffset? ResumedDueAt { get; init; }

    public required ILogger Logger { get; init; }

    /// <summary>Evaluates a Scriban expression against the same scope as the inputs (Switch uses it for its cases).</summary>
    public required Func<string, object?> Evaluate { get; init; }

    public CancellationToken CancellationToken { get; init; }

    public object? Input(string name) => Inputs.TryGetValue(name, out var value) ? value : null;
}
