namespace Orchestrator.Workflows.Definitions;

/// <summary>Base of the errors definition operations report to callers (the API maps each to problem details).</summary>
public abstract class WorkflowDefinitionException(string message) : Exception(message);
