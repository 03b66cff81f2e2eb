using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Incidents;
using Orchestrator.Incidents.Errors;
using Orchestrator.Incidents.Timeline;
using Orchestrator.Templating;
using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Descriptors;

namespace Orchestrator.Infrastructure.IncidentActivities;

/// <summary>
/// What every incident activity shares: it calls one Incidents use case, on the run's incident (its correlation id)
/// or the one named by the optional input <c>incidentId</c>, with the run as the actor (<see cref="WorkflowActor"/>),
/// and outputs <c>incident</c> as the change left it. It writes to the database, so it runs off the run's turn like an
/// action. What the domain refuses (an unknown resolution code, a missing hold reason, a closed incident) fails the step
/// with the domain's own words and is not retried; a change that lost a race with another writer is tried again on a
/// fresh copy.
/// </summary>
internal abstract class IncidentActivity(IServiceScopeFactory scopes) : IActivity
{
    public const string CategoryName = "Incidents";
    private const int MaxConflicts = 3;

    protected static InputDescriptor IncidentIdInput { get; } = new("incidentId", InputTypes.String, UiHints.Text,
        Description: "The incident to act on (its id); empty: the run's incident.");

    protected static OutputDescriptor IncidentOutput { get; } = new("incident", InputTypes.Object, "The incident as this step left it.");

    public abstract ActivityDescriptor Descriptor { get; }

    /// <summary>False for an activity that makes its incident (CreateIncident).</summary>
    protected virtual bool ActsOnIncident => true;

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        Guid incidentId = default;
        if (ActsOnIncident && !TryIncidentId(context, out incidentId, out var problem))
        {
            return ActivityResult.Fault(problem, null, permanent: true);
        }

        var actor = WorkflowActor.Of(context.DefinitionId, context.InstanceId);
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            try
            {
                var incident = await RunAsync(new IncidentStep(context, scope.ServiceProvider, incidentId, actor));
                return Done(incident);
            }
            catch (StaleVersionException) when (attempt < MaxConflicts)
            {
                // Someone changed the incident between our read and our write: do it again on what is there now.
            }
            catch (IllegalTransitionException e)
            {
                return Refused(e);
            }
            catch (DomainException e)
            {
                return ActivityResult.Fault(e.Message, null, permanent: true);
            }
        }
    }

    /// <summary>Applies the step's change; returns the incident as it left it.</summary>
    protected abstract Task<Incident> RunAsync(IncidentStep step);

    /// <summary>A move the lifecycle does not allow: by default a failure (not retried) with the reason.</summary>
    protected virtual ActivityResult Refused(IllegalTransitionException refusal) => ActivityResult.Fault(refusal.Message, null, permanent: true);

    protected static ActivityResult Done(Incident incident, string port = Ports.Done) =>
        ActivityResult.Outcome(port, new Dictionary<string, object?> { ["incident"] = Plain(IncidentSnapshot.Of(incident)) });

    /// <summary>A JSON value as the plain .NET values outputs hold.</summary>
    protected static object? Plain(System.Text.Json.Nodes.JsonNode? node) => node is null ? null : ScriptValues.FromScript(ScriptValues.ToScript(node));

    private static bool TryIncidentId(ActivityContext context, out Guid id, out string problem)
    {
        problem = string.Empty;
        var given = context.Input("incidentId") switch
        {
            null => null,
            string text when text.Trim().Length == 0 => null,
            var value => Convert.ToString(value, CultureInfo.InvariantCulture),
        };
        if (given is not null)
        {
            if (Guid.TryParse(given, out id))
            {
                return true;
            }

            problem = $"incidentId '{given}' is not an incident id (a GUID such as the id in GET /api/incidents/{{id}}).";
            return false;
        }

        if (Guid.TryParse(context.CorrelationId, out id))
        {
            return true;
        }

        problem = context.CorrelationId is null
            ? "This run is not about an incident (it has no correlation id): set incidentId, or start the run from an incident event."
            : $"This run's correlation id '{context.CorrelationId}' is not an incident id: set incidentId.";
        return false;
    }
}
