namespace Orchestrator.Incidents.Lifecycle;

/// <summary>Why an incident is On Hold. <see cref="AwaitingCaller"/> needs a comment saying what the caller must provide.</summary>
public enum HoldReason
{
    AwaitingCaller,
    AwaitingChange,
    AwaitingProblem,
    AwaitingVendor,
}
