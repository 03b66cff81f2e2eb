using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Orchestrator.Incidents.Intake;

namespace Orchestrator.Server.Api.Intake;

/// <summary>A token bucket per integration, sized by the integration's <see cref="IntakeRateLimit"/>.</summary>
public sealed class IntakeRateLimiter : IDisposable
{
    private readonly ConcurrentDictionary<Guid, (IntakeRateLimit Limit, TokenBucketRateLimiter Bucket)> _buckets = new();

    /// <summary>Takes one request's token; when the bucket is empty, returns how long until one is available.</summary>
    public bool TryAcquire(Integration integration, out TimeSpan retryAfter)
    {
        var limit = integration.RateLimit;
        var (_, bucket) = _buckets.AddOrUpdate(
            integration.Id,
            _ => (limit, Create(limit)),
            (_, existing) =>
            {
                if (existing.Limit == limit)
                {
                    return existing;
                }

                existing.Bucket.Dispose();
                return (limit, Create(limit));
            });
        using var lease = bucket.AttemptAcquire();
        if (lease.IsAcquired)
        {
            retryAfter = TimeSpan.Zero;
            return true;
        }

        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
        return false;
    }

    public void Dispose()
    {
        foreach (var (_, bucket) in _buckets.Values)
        {
            bucket.Dispose();
        }
    }

    private static TokenBucketRateLimiter Create(IntakeRateLimit limit)
    {
        // One token at a time, so a drained bucket recovers smoothly; above 1,000/s (timer resolution) in 10 ms steps.
        var (period, tokens) = limit.RequestsPerSecond <= 1000
            ? (TimeSpan.FromTicks(TimeSpan.TicksPerSecond / limit.RequestsPerSecond), 1)
            : (TimeSpan.FromMilliseconds(10), (int)Math.Round(limit.RequestsPerSecond / 100.0));
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = limit.Burst,
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }
}
