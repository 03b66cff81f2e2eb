namespace Orchestrator.Workflows.Runtime.Invocation;

/// <summary>
/// Runs activities with side effects (plugin actions, and any activity that declares them) on the worker pool, outside
/// the instance's lease, and reports each result back through the instance's inbox. Sibling branches go on meanwhile.
/// </summary>
public interface IActionExecutor
{
    /// <summary>Starts the action and returns at once.</summary>
    void Start(ActionRequest request);
}
