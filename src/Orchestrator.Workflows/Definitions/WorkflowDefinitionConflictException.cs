namespace Orchestrator.Workflows.Definitions;

/// <summary>The operation conflicts with what is stored (e.g. creating a definition id that exists).</summary>
public sealed class WorkflowDefinitionConflictException(string message) : WorkflowDefinitionException(message);
