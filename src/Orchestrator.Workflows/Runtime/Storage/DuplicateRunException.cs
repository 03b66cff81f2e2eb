namespace Orchestrator.Workflows.Runtime.Storage;

/// <summary>Thrown by a store when a new run's id is taken: the run was started already (by another node).</summary>
public sealed class DuplicateRunException(string instanceId) : Exception($"A run with id {instanceId} exists already.");
