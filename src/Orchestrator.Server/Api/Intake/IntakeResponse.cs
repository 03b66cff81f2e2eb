using Orchestrator.Incidents.Intake;

namespace Orchestrator.Server.Api.Intake;

/// <summary>The answer to an Alertmanager or webhook post: <c>{ opened, updated, unchanged, incidentIds }</c>.</summary>
public sealed record IntakeResponse(int Opened, int Updated, int Unchanged, IReadOnlyList<Guid> IncidentIds)
{
    public static IntakeResponse From(IntakeResult result) => new(result.Opened, result.Updated, result.Unchanged, result.IncidentIds);
}
