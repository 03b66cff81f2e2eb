namespace Orchestrator.Workflows.Definitions;

/// <summary>Run an activity up to <see cref="MaxAttempts"/> times, waiting <see cref="BackoffSeconds"/> × 2^(attempt-1) between attempts.</summary>
public sealed record RetryPolicy(int MaxAttempts, double BackoffSeconds = 0)
{
    /// <summary>The most tries a policy may ask for.</summary>
    public const int MaxAttemptsLimit = 100;
}
