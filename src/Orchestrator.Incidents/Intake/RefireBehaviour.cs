namespace Orchestrator.Incidents.Intake;

/// <summary>What happens when an alert fires again after it resolved and its incident is Resolved (not yet Closed).</summary>
public enum RefireBehaviour
{
    /// <summary>Reopen the Resolved incident (Resolved → InProgress) and attach the new alert to it.</summary>
    Reopen,

    /// <summary>Always open a new incident.</summary>
    NewIncident,
}
