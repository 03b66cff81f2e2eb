namespace Orchestrator.Workflows.Runtime;

/// <summary>Base of the errors run operations report to callers (the API maps each to problem details).</summary>
public abstract class WorkflowRuntimeException(string message) : Exception(message);
