using Orchestrator.Workflows.Runtime.Instances;
using Orchestrator.Workflows.Runtime.Storage;

namespace Orchestrator.Server.Api.Incidents;

/// <summary>A workflow run about an incident, as <c>runs</c> of <c>GET /api/incidents/{id}</c> lists it (CONTRACT.md
/// "Incident events"): <c>trigger</c> is the event that started it, <c>cron</c>, <c>RunWorkflow</c> for a child, or
/// <c>manual</c>.</summary>
public sealed record IncidentRunResponse(string InstanceId, string DefinitionId, int Version, WorkflowStatus Status, string Trigger, DateTimeOffset StartedAt)
{
    /// <summary>Runs listed on an incident, newest first; an incident with more has them in <c>/api/workflow-instances?correlationId=</c>.</summary>
    public const int Limit = 100;

    public static IncidentRunResponse From(InstanceSummary run) =>
        new(run.Id, run.DefinitionId, run.Version, run.Status, run.Trigger ?? "manual", run.CreatedAt);
}
