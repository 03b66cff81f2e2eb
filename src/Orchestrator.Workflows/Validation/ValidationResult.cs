namespace Orchestrator.Workflows.Validation;

/// <summary>The outcome of validating a definition: valid, or the full list of errors.</summary>
public sealed record ValidationResult(IReadOnlyList<ValidationError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
