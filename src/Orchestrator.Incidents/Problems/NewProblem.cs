namespace Orchestrator.Incidents.Problems;

/// <summary>What is known when a problem is recorded.</summary>
public sealed record NewProblem(
    string Title,
    string? Description = null,
    string? RootCause = null,
    string? Workaround = null,
    bool KnownError = false,
    string? Service = null);
