namespace Orchestrator.Workflows.Runtime.Storage;

/// <summary>The turn's lease was lost (expired and taken over) or the instance changed underneath: the turn is discarded.</summary>
public sealed class StaleLeaseException(string instanceId) : Exception($"The lease on workflow instance {instanceId} was lost; the turn was not committed.");
