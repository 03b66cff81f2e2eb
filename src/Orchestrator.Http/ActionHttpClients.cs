using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Orchestrator.Http;

/// <summary>
/// The HTTP clients actions get through <c>ActionContext.CreateHttpClient(name)</c>, built once here for the server and
/// for <c>Orchestrator.Sdk.Testing</c> alike, so an action behaves the same in its unit tests as in a run:
/// <list type="bullet">
/// <item><b>vendor APIs</b> (every name but those below: <c>pagerduty</c>, <c>chat</c>, <c>ticketing</c>, <c>webhook</c>…):
/// up to <see cref="MaxRetries"/> retries of 408, 429, 5xx and connection failures, waiting what <c>Retry-After</c> says
/// or a jittered exponential back-off from <see cref="FirstBackoff"/>; a circuit breaker per host; each attempt limited
/// to <see cref="AttemptTimeout"/>.</item>
/// <item><b>requests a workflow author wrote and probes</b> (<c>http</c>, the HTTP action; <c>health</c>, a poll whose
/// 5xx is the answer it looks for): only a 429 that carries
/// <c>Retry-After</c> is retried inside the step — the server asked for it. Anything else is the step's result, so the
/// node's own retry policy (visible in the journal) decides, and a non-idempotent call is never repeated silently.</item>
/// </list>
/// The action's cancellation (its node's time-out) bounds all of it.
/// </summary>
public static class ActionHttpClients
{
    /// <summary>Client names whose requests are retried only when the server asks (429 with <c>Retry-After</c>).</summary>
    public static readonly IReadOnlySet<string> RetryOnlyWhenAsked = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "health" };

    /// <summary>Retries after the first attempt.</summary>
    public const int MaxRetries = 3;

    /// <summary>The first back-off when the server gives no <c>Retry-After</c>; it doubles, with jitter.</summary>
    public static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);

    /// <summary>How long one attempt at a vendor API may take.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);

    private const string VendorClient = "orchestrator-actions";
    private const string AuthoredClient = "orchestrator-actions-http";
    private static readonly Lazy<IHttpClientFactory> Standalone = new(() =>
        new ServiceCollection().AddActionHttpClients().BuildServiceProvider().GetRequiredService<IHttpClientFactory>());

    /// <summary>Registers the action clients; <see cref="Create(IHttpClientFactory, string)"/> then hands them out.</summary>
    public static IServiceCollection AddActionHttpClients(this IServiceCollection services)
    {
        services.AddHttpClient(VendorClient).AddStandardResilienceHandler(options =>
        {
            options.Retry.MaxRetryAttempts = MaxRetries;
            options.Retry.Delay = FirstBackoff;
            options.Retry.BackoffType = DelayBackoffType.Exponential;
            options.Retry.UseJitter = true;
            options.Retry.ShouldRetryAfterHeader = true;
            options.AttemptTimeout.Timeout = AttemptTimeout;
            options.CircuitBreaker.SamplingDuration = AttemptTimeout * 2;
            // The node's time-out (the action's cancellation) is the overall limit, not a fixed one here.
            options.TotalRequestTimeout.Timeout = TimeSpan.FromHours(1);
        }).SelectPipelineByAuthority();

        services.AddHttpClient(AuthoredClient).AddResilienceHandler("retry-after", pipeline => pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = MaxRetries,
            Delay = FirstBackoff,
            ShouldRetryAfterHeader = true,
            ShouldHandle = arguments => ValueTask.FromResult(
                arguments.Outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests, Headers.RetryAfter: not null }),
        }));
        return services;
    }

    /// <summary>The client an action asks for by <paramref name="name"/>, from <paramref name="factory"/> (the server's).</summary>
    public static HttpClient Create(IHttpClientFactory factory, string name) =>
        factory.CreateClient(RetryOnlyWhenAsked.Contains(name) ? AuthoredClient : VendorClient);

    /// <summary>The same clients without a host (for <c>Orchestrator.Sdk.Testing</c>): one shared factory per process.</summary>
    public static HttpClient Create(string name) => Create(Standalone.Value, name);
}
