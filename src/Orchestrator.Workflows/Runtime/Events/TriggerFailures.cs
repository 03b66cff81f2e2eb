using System.Collections.Concurrent;

namespace Orchestrator.Workflows.Runtime.Events;

/// <summary>
/// The most recent trigger-filter failures of each definition since the server started, so a process owner sees why a
/// workflow did not start on an event delivered by intake or the outbox (nobody reads that event's answer). Bounded:
/// <see cref="KeptPerDefinition"/> per definition, newest first.
/// </summary>
public sealed class TriggerFailures
{
    /// <summary>How many failures are kept per definition.</summary>
    public const int KeptPerDefinition = 50;

    private readonly ConcurrentDictionary<string, LinkedList<TriggerFailure>> _byDefinition = new(StringComparer.Ordinal);

    public void Record(TriggerFailure failure)
    {
        var kept = _byDefinition.GetOrAdd(failure.DefinitionId, _ => new LinkedList<TriggerFailure>());
        lock (kept)
        {
            kept.AddFirst(failure);
            while (kept.Count > KeptPerDefinition)
            {
                kept.RemoveLast();
            }
        }
    }

    /// <summary>The definition's recent failures, newest first.</summary>
    public IReadOnlyList<TriggerFailure> Of(string definitionId)
    {
        if (!_byDefinition.TryGetValue(definitionId, out var kept))
        {
            return [];
        }

        lock (kept)
        {
            return [.. kept];
        }
    }
}
