using System.Collections.Concurrent;
using Orchestrator.Incidents.Intake;
using Orchestrator.Incidents.Intake.Storage;

namespace Orchestrator.Server.Api.Intake;

/// <summary>
/// Finds the active integration for an intake key, remembering answers (found or not) for a few seconds so a busy
/// source costs no lookup per post. Changes made through this node take effect at once; on other nodes within
/// <see cref="Lifetime"/>.
/// </summary>
public sealed class IntegrationKeyCache(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<string, (Integration? Integration, DateTimeOffset Expires)> _entries = new(StringComparer.Ordinal);

    /// <summary>The integration with this key unless it is revoked; null for a malformed, unknown or revoked key.</summary>
    public async Task<Integration?> FindActiveAsync(string? key, CancellationToken cancellationToken)
    {
        if (!IntegrationKey.IsWellFormed(key))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (!_entries.TryGetValue(key!, out var entry) || entry.Expires <= now)
        {
            await using var scope = scopes.CreateAsyncScope();
            var integration = await scope.ServiceProvider.GetRequiredService<IIntegrationStore>().FindByKeyAsync(key!, cancellationToken);
            entry = (integration, now + Lifetime);
            if (_entries.Count > 10_000)
            {
                _entries.Clear(); // unknown keys probed at random must not grow the cache without bound
            }

            _entries[key!] = entry;
        }

        return entry.Integration is { IsRevoked: false } active ? active : null;
    }

    public void Forget(string key) => _entries.TryRemove(key, out _);
}
