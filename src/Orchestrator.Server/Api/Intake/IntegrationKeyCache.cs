using Microsoft.Extensions.Caching.Memory;
using Orchestrator.Incidents.Intake;
using Orchestrator.Incidents.Intake.Storage;

namespace Orchestrator.Server.Api.Intake;

/// <summary>
/// Finds the active integration for an intake key, remembering answers (found or not) for a few seconds so a busy
/// source costs no lookup per post. Changes made through this node take effect at once; on other nodes within
/// <see cref="Lifetime"/>. Entries live in a <see cref="MemoryCache"/> of its own, bounded to <see cref="MaxEntries"/>
/// (unknown keys probed at random evict old entries instead of growing memory).
/// </summary>
public sealed class IntegrationKeyCache(IServiceScopeFactory scopes) : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    public const int MaxEntries = 10_000;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxEntries });

    /// <summary>The integration with this key unless it is revoked; null for a malformed, unknown or revoked key.</summary>
    public async Task<Integration?> FindActiveAsync(string? key, CancellationToken cancellationToken)
    {
        if (!IntegrationKey.IsWellFormed(key))
        {
            return null;
        }

        if (!_cache.TryGetValue(CacheKey(key!), out Entry? entry))
        {
            await using var scope = scopes.CreateAsyncScope();
            entry = new Entry(await scope.ServiceProvider.GetRequiredService<IIntegrationStore>().FindByKeyAsync(key!, cancellationToken));
            _cache.Set(CacheKey(key!), entry, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime, Size = 1 });
        }

        return entry!.Integration is { IsRevoked: false } active ? active : null;
    }

    public void Forget(string key) => _cache.Remove(CacheKey(key));

    public void Dispose() => _cache.Dispose();

    private static string CacheKey(string key) => $"integration-key:{key}";

    /// <summary>A found integration or a remembered "no such key" (so random probes cost one lookup each, not one per post).</summary>
    private sealed record Entry(Integration? Integration);
}
