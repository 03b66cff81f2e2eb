namespace Orchestrator.Server.Api.Intake;

/// <summary>The integration posted faster than its rate limit (HTTP 429 with Retry-After).</summary>
public sealed class IntakeRateLimitedException(int retryAfterSeconds)
    : Exception($"Too many requests for this integration; retry after {retryAfterSeconds} s.")
{
    public int RetryAfterSeconds { get; } = retryAfterSeconds;
}
