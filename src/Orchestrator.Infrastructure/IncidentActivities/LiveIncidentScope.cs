using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Incidents;
using Orchestrator.Infrastructure.Persistence;
using Orchestrator.Workflows.Definitions;
using Orchestrator.Workflows.Runtime.Instances;
using Orchestrator.Workflows.Runtime.Invocation;

namespace Orchestrator.Infrastructure.IncidentActivities;

/// <summary>
/// Gives a run correlated with an incident the live <c>incident</c> in its expressions: read at the start of each turn,
/// so a step after an AssignIncident sees the new assignee, and a run started by an event sees the incident as it is
/// now rather than as the event left it. Only definitions that mention incidents pay for the read.
/// </summary>
internal sealed class LiveIncidentScope(OrchestratorDbContext db) : IRunScopeExtension
{
    private static readonly ConditionalWeakTable<WorkflowDefinition, object> MentionsIncident = [];

    public async ValueTask<IReadOnlyDictionary<string, object?>?> ExtrasAsync(WorkflowInstance instance, WorkflowDefinition definition,
        CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(instance.CorrelationId, out var incidentId) || !Mentions(definition))
        {
            return null;
        }

        var incident = await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == incidentId, cancellationToken);
        return incident is null ? null : new Dictionary<string, object?> { ["incident"] = IncidentSnapshot.Of(incident) };
    }

    private static bool Mentions(WorkflowDefinition definition) =>
        (bool)MentionsIncident.GetValue(definition, d => WorkflowJson.Serialize(d).Contains("incident", StringComparison.OrdinalIgnoreCase));
}
