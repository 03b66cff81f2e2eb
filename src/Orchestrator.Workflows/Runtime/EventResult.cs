namespace Orchestrator.Workflows.Runtime;

/// <summary>What an event did: how many waits it resumed, which runs it started, whether it was a duplicate or kept for later.</summary>
public sealed record EventResult(int Resumed, IReadOnlyList<string> Started, bool Duplicate, bool Kept);
