namespace Orchestrator.Workflows.Runtime;

/// <summary>The run is not in a state that allows the operation (e.g. retrying a run that is not Faulted).</summary>
public sealed class WorkflowInstanceStateException(string message, string status) : WorkflowRuntimeException(message)
{
    public string Status { get; } = status;
}
