namespace Orchestrator.Incidents.Intake;

/// <summary>A token bucket per integration: <see cref="Burst"/> requests at once, refilled at
/// <see cref="RequestsPerSecond"/>. Requests beyond it get 429 with Retry-After.</summary>
public sealed record IntakeRateLimit(int RequestsPerSecond, int Burst)
{
    /// <summary>10 requests a second with bursts of 200: an Alertmanager re-sending a few hundred groups fits.</summary>
    public static IntakeRateLimit Default { get; } = new(10, 200);
}
