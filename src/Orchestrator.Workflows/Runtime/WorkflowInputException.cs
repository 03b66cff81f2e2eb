namespace Orchestrator.Workflows.Runtime;

/// <summary>A request to the runtime has a bad field (HTTP 400 naming it).</summary>
public sealed class WorkflowInputException(string field, string message) : WorkflowRuntimeException(message)
{
    public string Field { get; } = field;
}
