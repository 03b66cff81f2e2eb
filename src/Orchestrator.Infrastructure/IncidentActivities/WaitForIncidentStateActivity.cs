using System.Globalization;
using System.Text.Json.Nodes;
using Orchestrator.Incidents.Events;
using Orchestrator.Incidents.Lifecycle;
using Orchestrator.Templating;
using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Descriptors;
using Orchestrator.Workflows.Runtime.Signals;

namespace Orchestrator.Infrastructure.IncidentActivities;

/// <summary>
/// Waits until the run's incident is in one of <c>states</c> and follows that state's port — at once when it is in one
/// already, else at the <c>incident.transitioned</c> event that brings it there (other moves keep it waiting, with the
/// same deadline). Without a move in time it follows <c>TimedOut</c>. It only reads, so it runs on the run's turn.
/// </summary>
internal sealed class WaitForIncidentStateActivity : IActivity
{
    public const string TypeName = "WaitForIncidentState";

    public ActivityDescriptor Descriptor { get; } = new()
    {
        Type = TypeName,
        Category = IncidentActivity.CategoryName,
        DisplayName = "Wait for incident state",
        Description = "Waits until the run's incident reaches one of the states (a port each), e.g. [\"InProgress\", \"Resolved\"]; TimedOut after timeoutSeconds.",
        Inputs =
        [
            new InputDescriptor("states", InputTypes.Array, UiHints.Json, Required: true, Default: new JsonArray("Resolved"),
                Description: $"States to wait for; each becomes a port. One of {string.Join(", ", Enum.GetNames<IncidentState>())}."),
            new InputDescriptor("timeoutSeconds", InputTypes.Number, UiHints.Number, Description: "Seconds until TimedOut; none waits for ever.", GreaterThan: 0),
        ],
        Outputs =
        [
            new OutputDescriptor("state", InputTypes.String, "The state reached (null when timed out)."),
            new OutputDescriptor("incident", InputTypes.Object, "The incident when it reached the state."),
        ],
        Outcomes = [Ports.TimedOut],
        OutcomesFromInput = "states",
        CanSuspend = true,
    };

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (States(context) is not { } states)
        {
            return ValueTask.FromResult(ActivityResult.Fault(
                $"states must be a list of incident states ({string.Join(", ", Enum.GetNames<IncidentState>())}), e.g. [\"Resolved\"].", null, permanent: true));
        }

        if (LiveIncident(context) is not { } incident)
        {
            return ValueTask.FromResult(ActivityResult.Fault(
                "This run is not about an incident: WaitForIncidentState waits on the incident of a run started by an incident event (its correlation id).", null, permanent: true));
        }

        if (incident.GetValueOrDefault("state") is string current && states.Contains(current))
        {
            return ValueTask.FromResult(Reached(current, incident));
        }

        DateTimeOffset? dueAt = context.Input("timeoutSeconds") is { } timeout
            ? context.Now.AddSeconds(Convert.ToDouble(timeout, CultureInfo.InvariantCulture))
            : null;
        return ValueTask.FromResult(Wait(dueAt));
    }

    /// <summary>Payload: the <c>incident.transitioned</c> event (<c>from</c>, <c>to</c>, <c>incident</c>), or a time-out.</summary>
    public ValueTask<ActivityResult> ResumeAsync(ActivityContext context, JsonNode? payload)
    {
        if (ResumeSignal.IsTimedOut(payload))
        {
            return ValueTask.FromResult(ActivityResult.Outcome(Ports.TimedOut, new Dictionary<string, object?> { ["state"] = null, ["incident"] = null }));
        }

        var states = States(context) ?? [];
        var to = payload?["to"]?.GetValue<string>();
        return ValueTask.FromResult(to is not null && states.Contains(to)
            ? Reached(to, ScriptValues.FromScript(ScriptValues.ToScript(payload!["incident"])) as IReadOnlyDictionary<string, object?>)
            : Wait(context.ResumedDueAt));
    }

    private static ActivityResult Wait(DateTimeOffset? dueAt) =>
        ActivityResult.Suspend(new BookmarkRequest(BookmarkKind.Event, IncidentEventNames.Transitioned, dueAt, DueIsTimeout: dueAt is not null));

    private static ActivityResult Reached(string state, IReadOnlyDictionary<string, object?>? incident) =>
        ActivityResult.Outcome(state, new Dictionary<string, object?> { ["state"] = state, ["incident"] = incident });

    private static HashSet<string>? States(ActivityContext context)
    {
        var names = context.Input("states") switch
        {
            string one => [one],
            IEnumerable<object?> many => many.Select(s => s as string).ToList(),
            _ => null,
        };
        return names is { Count: > 0 } && names.All(n => n is not null && Enum.TryParse<IncidentState>(n, out var s) && s.ToString() == n)
            ? names.OfType<string>().ToHashSet(StringComparer.Ordinal)
            : null;
    }

    /// <summary>The run's incident as this turn read it (see <see cref="LiveIncidentScope"/>).</summary>
    private static IReadOnlyDictionary<string, object?>? LiveIncident(ActivityContext context)
    {
        try
        {
            return context.Evaluate("incident") as IReadOnlyDictionary<string, object?>;
        }
        catch (ScriptException)
        {
            return null; // no incident in scope
        }
    }
}
