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
        // Refill in tenth-of-a-second steps so a bucket drained by a burst recovers smoothly.
        var (period, tokens) = limit.RequestsPerSecond >= 10
            ? (TimeSpan.FromMilliseconds(100), limit.RequestsPerSecond / 10)
            : (TimeSpan.FromSeconds(1.0 / limit.RequestsPerSecond), 1);
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
