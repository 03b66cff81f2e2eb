namespace Orchestrator.Incidents.Problems;

/// <summary>Field changes to a problem; null leaves a field as it is, an empty string clears a text field.</summary>
public sealed record ProblemUpdate(
    string? Title = null,
    string? Description = null,
    string? RootCause = null,
    string? Workaround = null,
    bool? KnownError = null,
    string? Service = null);
