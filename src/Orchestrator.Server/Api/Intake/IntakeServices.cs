using Orchestrator.Incidents.Errors;
using Orchestrator.Incidents.Intake;
using Orchestrator.Infrastructure.Events;

namespace Orchestrator.Server.Api.Intake;

/// <summary>What every intake endpoint does around its own parsing: find the integration by key, apply its rate
/// limit, run the intake and wake the event publisher. Scoped.</summary>
public sealed class IntakeServices(IntegrationKeyCache keys, IntakeRateLimiter limiter, AlertIntake intake, EventOutboxPublisher publisher)
{
    /// <summary>The integration for <paramref name="key"/>; <see cref="UnknownIntegrationKeyException"/> (404) when
    /// there is no active one, <see cref="IntakeRateLimitedException"/> (429) when it is over its rate.</summary>
    public async Task<Integration> AuthoriseAsync(string? key, IntegrationKind kind, CancellationToken cancellationToken)
    {
        var integration = await keys.FindActiveAsync(key, cancellationToken) ?? throw new UnknownIntegrationKeyException();
        if (integration.Kind != kind)
        {
            // The caller holds a valid key, so saying what it is for leaks nothing.
            throw new InvalidFieldException("key", $"This key belongs to {Article(integration.Kind)} {integration.Kind} integration; post to {EndpointOf(integration.Kind)} instead.");
        }

        CheckRate(integration);
        return integration;
    }

    /// <summary>The Retry-After header is written where the exception is answered.</summary>
    private void CheckRate(Integration integration)
    {
        if (!limiter.TryAcquire(integration, out var retryAfter))
        {
            throw new IntakeRateLimitedException(Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)));
        }
    }

    public async Task<IntakeResult> ProcessAsync(Integration integration, IReadOnlyList<AlertSignal> signals, CancellationToken cancellationToken)
    {
        var result = await intake.ProcessAsync(integration, signals, cancellationToken);
        if (result.Opened + result.Updated > 0)
        {
            publisher.Notify();
        }

        return result;
    }

    private static string Article(IntegrationKind kind) => kind == IntegrationKind.Alertmanager ? "an" : "a";

    private static string EndpointOf(IntegrationKind kind) =>
        kind switch
        {
            IntegrationKind.Alertmanager => "/api/intake/alertmanager/{key}",
            IntegrationKind.PagerDuty => "/v2/enqueue",
            _ => "/api/intake/webhook/{key}",
        };
}
