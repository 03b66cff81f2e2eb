namespace Orchestrator.Workflows.Activities;

/// <summary>What a suspended activity waits for.</summary>
public enum BookmarkKind
{
    /// <summary>A named event for the run's correlation id (<c>POST /api/events/{name}</c>).</summary>
    Event,

    /// <summary>A point in time (Quartz fires it).</summary>
    Timer,

    /// <summary>A person's decision (<c>POST /api/approvals/{id}</c>), optionally with a time-out.</summary>
    Approval,

    /// <summary>A child run finishing.</summary>
    ChildWorkflow,

    /// <summary>An activity with side effects running off the instance's turn; its result resumes the branch.</summary>
    Action,

    /// <summary>The back-off of a retry policy: when it elapses the activity runs again (Quartz fires it).</summary>
    Retry,
}
