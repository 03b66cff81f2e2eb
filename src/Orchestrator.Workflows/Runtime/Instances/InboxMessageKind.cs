namespace Orchestrator.Workflows.Runtime.Instances;

/// <summary>What an <see cref="InboxMessage"/> asks for.</summary>
public enum InboxMessageKind
{
    /// <summary>Resume the bookmark with the payload.</summary>
    Resume,

    /// <summary>Cancel the run.</summary>
    Cancel,

    /// <summary>Retry a Faulted run from its failed step.</summary>
    Retry,
}
