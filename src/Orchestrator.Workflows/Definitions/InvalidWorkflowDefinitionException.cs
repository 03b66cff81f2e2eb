using Orchestrator.Workflows.Validation;

namespace Orchestrator.Workflows.Definitions;

/// <summary>The definition is invalid; <see cref="Errors"/> lists every problem. Nothing was saved.</summary>
public sealed class InvalidWorkflowDefinitionException(IReadOnlyList<ValidationError> errors)
    : WorkflowDefinitionException($"The workflow definition is invalid: {string.Join("; ", errors.Take(3))}{(errors.Count > 3 ? $" (and {errors.Count - 3} more)" : string.Empty)}")
{
    public IReadOnlyList<ValidationError> Errors { get; } = errors;
}
