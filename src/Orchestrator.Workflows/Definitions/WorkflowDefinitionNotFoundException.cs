namespace Orchestrator.Workflows.Definitions;

/// <summary>No such definition or version.</summary>
public sealed class WorkflowDefinitionNotFoundException(string definitionId, int? version)
    : WorkflowDefinitionException(version is null ? $"No workflow definition '{definitionId}'." : $"Workflow definition '{definitionId}' has no version {version}.");
