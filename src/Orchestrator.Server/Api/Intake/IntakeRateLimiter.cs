using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Orchestrator.Incidents.Intake;

namespace Orchestrator.Server.Api.Intake;

/// <summary>A token bucket per integration, sized by the integration's <see cref="IntakeRateLimit"/>.</summary>
public sealed class IntakeRateLimiter : IDisposable
{
    private readonly ConcurrentDictionary<Guid, (IntakeRateLimit Limit, TokenBucketRateLimiter Bucket)> _buckets = new();

    /// <summary>Takes one request's token; when the bucket is empty, returns how long until one is available.</summary>
    public bool TryAcquire(Integration integration, out TimeSpan retryAfter) =>
        TryAcquire(integration.Id, integration.RateLimit, out retryAfter);

    /// <summary>Takes one token from the bucket of <paramref name="integrationId"/> sized by <paramref name="limit"/>
    /// (a different limit than last time replaces the bucket: an integration's limit was edited).</summary>
    public bool TryAcquire(Guid integrationId, IntakeRateLimit limit, out TimeSpan retryAfter)
    {
        while (true)
        {
            var bucket = BucketFor(integrationId, limit);
            try
            {
                using var lease = bucket.AttemptAcquire();
                if (lease.IsAcquired)
                {
                    retryAfter = TimeSpan.Zero;
                    return true;
                }

                retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
                return false;
            }
            catch (ObjectDisposedException)
            {
                // The limit changed and another request replaced this bucket after we took it: use the new one.
            }
        }
    }

    /// <summary>The integration's bucket for <paramref name="limit"/>. A changed limit replaces the bucket with a
    /// compare-and-swap, and only the request whose swap won disposes the old one (an update factory of
    /// <c>AddOrUpdate</c> may run more than once, so it must not dispose anything).</summary>
    private TokenBucketRateLimiter BucketFor(Guid integrationId, IntakeRateLimit limit)
    {
        while (true)
        {
            if (_buckets.TryGetValue(integrationId, out var existing))
            {
                if (existing.Limit == limit)
                {
                    return existing.Bucket;
                }

                var replacement = (limit, Create(limit));
                if (_buckets.TryUpdate(integrationId, replacement, existing))
                {
                    existing.Bucket.Dispose();
                    return replacement.Item2;
                }

                replacement.Item2.Dispose();
            }
            else
            {
                var created = (limit, Create(limit));
                if (_buckets.TryAdd(integrationId, created))
                {
                    return created.Item2;
                }

                created.Item2.Dispose();
            }
        }
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
