namespace Orchestrator.Incidents.Intake;

/// <summary>What a source says about an alert.</summary>
public enum AlertAction
{
    /// <summary>It is firing (new, or still firing).</summary>
    Trigger,

    /// <summary>Someone is on it (PagerDuty "acknowledge").</summary>
    Acknowledge,

    /// <summary>It has stopped at the source.</summary>
    Resolve,
}
