namespace Orchestrator.Workflows.Runtime.Storage;

/// <summary>The result of delivering an event: a duplicate, the instances it resumed, or kept for later.</summary>
public sealed record EventDelivery(bool Duplicate, IReadOnlyList<string> ResumedInstances, bool Kept);
