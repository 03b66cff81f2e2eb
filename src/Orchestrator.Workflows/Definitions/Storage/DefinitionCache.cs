using System.Collections.Concurrent;

namespace Orchestrator.Workflows.Definitions.Storage;

/// <summary>
/// Stored versions never change, so the runtime keeps each (definition id, version) it has read. Every turn of every
/// run needs its definition; this saves a query and a JSON parse each time.
/// </summary>
public sealed class DefinitionCache
{
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<(string, int), WorkflowDefinition> _versions = new();

    public async Task<WorkflowDefinition?> GetAsync(IWorkflowDefinitionStore store, string definitionId, int version, CancellationToken cancellationToken)
    {
        if (_versions.TryGetValue((definitionId, version), out var cached))
        {
            return cached;
        }

        var stored = (await store.GetAsync(definitionId, version, cancellationToken))?.Definition;
        if (stored is not null)
        {
            if (_versions.Count >= MaxEntries)
            {
                _versions.Clear();
            }

            // Published flags change; the cached copy is only used for its flowchart.
            cached = _versions.GetOrAdd((definitionId, version), stored);
        }

        return cached;
    }
}
