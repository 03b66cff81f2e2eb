using Orchestrator.Workflows.Definitions;
using Orchestrator.Workflows.Runtime.Instances;

namespace Orchestrator.Workflows.Runtime.Invocation;

/// <summary>
/// What a host adds to a run's expressions besides its input — the incident host adds <c>incident</c>, read live
/// from the store at the start of each turn for a run correlated with an incident. Its names override promoted
/// input properties of the same name. The runtime itself knows nothing about incidents.
/// </summary>
public interface IRunScopeExtension
{
    /// <summary>The names and values to add for this turn of <paramref name="instance"/>, or null for none.</summary>
    ValueTask<IReadOnlyDictionary<string, object?>?> ExtrasAsync(WorkflowInstance instance, WorkflowDefinition definition, CancellationToken cancellationToken);
}
