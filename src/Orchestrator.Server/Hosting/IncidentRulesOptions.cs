using Orchestrator.Incidents;
using Orchestrator.Incidents.Lifecycle;
using Orchestrator.Incidents.Priority;

namespace Orchestrator.Server.Hosting;

/// <summary>Configuration section <c>Orchestrator:Incidents</c>: the configurable incident rules.</summary>
public sealed class IncidentRulesOptions
{
    /// <summary>Three rows, impact 1–3, each "P P P" for urgency 1–3. Empty means ServiceNow's default matrix.</summary>
    public List<string> PriorityMatrix { get; set; } = [];

    /// <summary>The accepted resolution codes. Empty means the default set.</summary>
    public List<string> ResolutionCodes { get; set; } = [];

    public IncidentRules ToRules() => new(
        PriorityMatrix.Count == 0 ? Incidents.Priority.PriorityMatrix.Default : Incidents.Priority.PriorityMatrix.Parse(PriorityMatrix),
        ResolutionCodes.Count == 0 ? Incidents.Lifecycle.ResolutionCodes.Default : new ResolutionCodes(ResolutionCodes));
}
