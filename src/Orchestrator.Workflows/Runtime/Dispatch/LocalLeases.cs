using System.Collections.Concurrent;
using Orchestrator.Workflows.Runtime.Storage;

namespace Orchestrator.Workflows.Runtime.Dispatch;

/// <summary>
/// Leases kept in memory when this node is the only one (embedded SQLite): one worker per instance without a database
/// write per turn. Commits are still fenced, by the instance's version. Multi-node deployments use the store's leases.
/// </summary>
public sealed class LocalLeases
{
    private readonly ConcurrentDictionary<string, byte> _held = new(StringComparer.Ordinal);

    public InstanceLease? TryTake(string instanceId) =>
        _held.TryAdd(instanceId, 0) ? new InstanceLease(instanceId, "local", 0, DateTimeOffset.MaxValue) : null;

    public void Release(string instanceId) => _held.TryRemove(instanceId, out _);
}
