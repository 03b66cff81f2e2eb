namespace Orchestrator.Workflows.Runtime.Instances;

/// <summary>Where a run stands. Finished, Cancelled are final; Faulted can be retried from the failed step.</summary>
public enum WorkflowStatus
{
    /// <summary>Has work to do now.</summary>
    Running,

    /// <summary>Waits on bookmarks only (events, timers, people, child runs, actions).</summary>
    Suspended,

    Finished,

    /// <summary>An activity failed with no <c>Failed</c> connection; see the fault. Retry resumes from that step.</summary>
    Faulted,

    Cancelled,
}
