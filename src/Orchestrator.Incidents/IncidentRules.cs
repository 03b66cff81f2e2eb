using Orchestrator.Incidents.Lifecycle;
using Orchestrator.Incidents.Priority;

namespace Orchestrator.Incidents;

/// <summary>The configurable parts of the incident rules.</summary>
public sealed record IncidentRules(PriorityMatrix PriorityMatrix, ResolutionCodes ResolutionCodes)
{
    public static IncidentRules Default { get; } = new(PriorityMatrix.Default, ResolutionCodes.Default);
}
