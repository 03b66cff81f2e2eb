namespace Orchestrator.Incidents.Problems;

/// <summary>A problem is worked while Open and ends Resolved once its root cause is fixed.</summary>
public enum ProblemState
{
    Open,
    Resolved,
}
