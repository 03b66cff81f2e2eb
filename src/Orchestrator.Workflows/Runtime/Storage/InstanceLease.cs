namespace Orchestrator.Workflows.Runtime.Storage;

/// <summary>The right to run an instance's turns until <see cref="ExpiresAt"/>. <see cref="Token"/> fences out a holder
/// whose lease expired and was taken over: its commit is refused.</summary>
public sealed record InstanceLease(string InstanceId, string Owner, long Token, DateTimeOffset ExpiresAt)
{
    /// <summary>A lease held in this process only (single-node mode); the store fences its commit by version instead.</summary>
    public bool IsLocal => Token == 0;
}
