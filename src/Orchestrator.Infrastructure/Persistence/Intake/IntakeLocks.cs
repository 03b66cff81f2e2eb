using System.Collections.Concurrent;

namespace Orchestrator.Infrastructure.Persistence.Intake;

/// <summary>One in-process gate per integration, so a node's concurrent posts for one integration queue here rather
/// than contend in the database. Singleton.</summary>
public sealed class IntakeLocks
{
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _gates = new();

    internal SemaphoreSlim For(Guid integrationId) => _gates.GetOrAdd(integrationId, _ => new SemaphoreSlim(1, 1));
}
