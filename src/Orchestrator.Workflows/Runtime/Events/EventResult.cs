namespace Orchestrator.Workflows.Runtime.Events;

/// <summary>What an event did: the runs whose waits it resumed, the runs it started, whether it was a duplicate or kept
/// for later, and the trigger filters that could not be evaluated for it (those workflows did not start).</summary>
public sealed record EventResult(IReadOnlyList<string> Resumed, IReadOnlyList<string> Started, bool Duplicate, bool Kept, IReadOnlyList<TriggerFailure> TriggerFailures)
{
    /// <summary>A repeated delivery id: nothing happened.</summary>
    public static EventResult DuplicateDelivery { get; } = new([], [], Duplicate: true, Kept: false, []);

    /// <summary>The runs in <see cref="Started"/> with their definitions, in the same order.</summary>
    public IReadOnlyList<StartedRun> StartedRuns { get; init; } = [];
}

/// <summary>A run an event started: which definition version, for which event.</summary>
public sealed record StartedRun(string InstanceId, string DefinitionId, int Version, string Trigger);
