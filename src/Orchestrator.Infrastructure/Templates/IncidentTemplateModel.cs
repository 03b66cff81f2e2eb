using System.Text.Json.Nodes;
using Orchestrator.Incidents;
using Orchestrator.Incidents.Intake.Storage;
using Orchestrator.Incidents.Lifecycle;
using Orchestrator.Incidents.Problems;
using Orchestrator.Incidents.Timeline;
using Orchestrator.Workflows.Runtime.Storage;

namespace Orchestrator.Infrastructure.Templates;

/// <summary>
/// What a template sees (CONTRACT.md "Templates and reports"): <c>incident</c>, <c>timeline</c> (oldest first),
/// <c>sla</c>, <c>runs</c> (each with its <c>steps</c>), <c>problem</c>, <c>alerts</c>, <c>metrics</c> (time to respond,
/// to resolve, open), <c>now</c> and the caller's
/// <c>model</c> — for a real incident, or for a sample one with a realistic story (previews before any incident exists).
/// </summary>
public sealed class IncidentTemplateModel(
    IncidentService incidents,
    ProblemService problems,
    IAlertStore alerts,
    IWorkflowRunQueries runs,
    IncidentRules rules,
    TimeProvider clock)
{
    /// <summary>Runs listed with their steps; an incident with more has the newest ones.</summary>
    public const int MaxRuns = 20;

    /// <summary>Alerts listed; the newest first.</summary>
    public const int MaxAlerts = 100;

    public async Task<Dictionary<string, object?>> ForIncidentAsync(Guid incidentId, JsonObject? model, CancellationToken cancellationToken)
    {
        var incident = await incidents.GetAsync(incidentId, cancellationToken);
        var timeline = await incidents.GetTimelineAsync(incidentId, cancellationToken);
        var problem = incident.ProblemId is { } problemId ? await problems.GetAsync(problemId, cancellationToken) : null;
        var incidentAlerts = await alerts.SearchAsync(new AlertQuery(null, incidentId, null, 1, MaxAlerts), cancellationToken);
        var (summaries, _) = await runs.ListAsync(new InstanceQuery(CorrelationId: incidentId.ToString(), PageSize: MaxRuns), cancellationToken);
        var runList = new JsonArray();
        foreach (var summary in summaries.OrderBy(r => r.CreatedAt))
        {
            var journal = (await runs.GetWithJournalAsync(summary.Id, cancellationToken))?.Journal ?? [];
            runList.Add(Run(summary.Id, summary.DefinitionId, summary.Version, summary.Status.ToString(), summary.Trigger, summary.CreatedAt, summary.FinishedAt,
                journal.Select(j => Step(j.ActivityId, j.Type, j.Outcome, j.Error, j.StartedAt, j.CompletedAt))));
        }

        return Model(incident, timeline, problem, runList, new JsonArray(incidentAlerts.Items.Select(a => (JsonNode?)a.ToJson()).ToArray()), model);
    }

    /// <summary>A sample incident — a checkout outage, assigned, worked and resolved — with a run and an alert.</summary>
    public Dictionary<string, object?> Sample(JsonObject? model)
    {
        var start = clock.GetUtcNow().AddHours(-3);
        Change At(int minutes, string actor) => new(actor, start.AddMinutes(minutes));
        var incident = Incident.Create("INC0000000",
            new NewIncident("Checkout returns 502 for some customers", 1, 2,
                "Around 20% of checkout attempts fail with HTTP 502 since the 14:05 deploy of the payment gateway.",
                Category: "application", Service: "checkout", Caller: "dana.reyes@example.com"),
            rules.PriorityMatrix, At(0, "alertmanager"));
        incident.Assign("sre", "ada", At(4, "workflow:itil-incident/sample"));
        incident.Transition(new TransitionRequest(IncidentState.InProgress), rules.ResolutionCodes, At(9, "ada"));
        incident.AddNote(NoteKind.WorkNote, "The 14:05 gateway deploy changed the upstream timeout; rolling it back.", At(21, "ada"));
        incident.AddNote(NoteKind.Comment, "We found the cause and are rolling back a change; checkouts should recover within minutes.", At(23, "ada"));
        incident.Transition(new TransitionRequest(IncidentState.Resolved, ResolutionCode: "Fixed",
            Notes: "Rolled back the gateway configuration to 2026.11.3; error rate back to 0.1%."), rules.ResolutionCodes, At(38, "ada"));
        var runList = new JsonArray(Run("sample", "service-down", 1, "Finished", "incident.created", start.AddMinutes(1), start.AddMinutes(6),
        [
            Step("restart", "systemd.RestartService", "Done", null, start.AddMinutes(1), start.AddMinutes(2)),
            Step("check", "http.Request", "Failed", "HTTP 502 from https://checkout.example.com/health", start.AddMinutes(2), start.AddMinutes(3)),
            Step("page", "pagerduty.Trigger", "Done", null, start.AddMinutes(3), start.AddMinutes(3)),
        ]));
        var alert = new JsonObject
        {
            ["id"] = "sample", ["fingerprint"] = "9c1f0e2d", ["status"] = "Resolved", ["summary"] = "CheckoutErrorRate above 5% for 5 minutes",
            ["severity"] = "critical", ["source"] = "alertmanager", ["service"] = "checkout", ["count"] = 3, ["details"] = new JsonObject(),
        };
        return Model(incident, incident.NewTimelineEntries, null, runList, [alert], model);
    }

    private Dictionary<string, object?> Model(Incident incident, IEnumerable<TimelineEntry> timeline, Problem? problem, JsonArray runList, JsonArray alertList,
        JsonObject? model) =>
        new(StringComparer.Ordinal)
        {
            ["incident"] = IncidentSnapshot.Of(incident),
            ["timeline"] = new JsonArray(timeline.Select(e => (JsonNode?)Entry(e)).ToArray()),
            ["sla"] = new JsonArray(), // the SLA clocks, once the SLA lands (issue 11, next slice)
            ["runs"] = runList,
            ["problem"] = problem is null ? null : Problem(problem),
            ["alerts"] = alertList,
            ["metrics"] = Metrics(incident, clock.GetUtcNow()),
            ["now"] = clock.GetUtcNow().ToString("O"),
            ["model"] = model?.DeepClone() ?? new JsonObject(),
        };

    /// <summary>How long things took, in minutes and as words ("1 h 12 min"); null where it has not happened.</summary>
    private static JsonObject Metrics(Incident i, DateTimeOffset now)
    {
        var end = i.ClosedAt ?? now;
        return new JsonObject
        {
            ["minutesToRespond"] = Minutes(i.CreatedAt, i.RespondedAt),
            ["minutesToResolve"] = Minutes(i.CreatedAt, i.ResolvedAt),
            ["minutesOpen"] = Minutes(i.CreatedAt, end),
            ["toRespond"] = Words(i.CreatedAt, i.RespondedAt),
            ["toResolve"] = Words(i.CreatedAt, i.ResolvedAt),
            ["open"] = Words(i.CreatedAt, end),
        };
    }

    private static JsonNode? Minutes(DateTimeOffset from, DateTimeOffset? to) =>
        to is { } t ? JsonValue.Create(Math.Round((t - from).TotalMinutes, 1)) : null;

    private static string? Words(DateTimeOffset from, DateTimeOffset? to)
    {
        if (to is not { } t)
        {
            return null;
        }

        var span = t - from;
        return span.TotalMinutes < 1 ? "under a minute"
            : span.TotalHours < 1 ? $"{(int)span.TotalMinutes} min"
            : span.TotalDays < 1 ? $"{(int)span.TotalHours} h {span.Minutes} min"
            : $"{(int)span.TotalDays} d {span.Hours} h";
    }

    private static JsonObject Entry(TimelineEntry e)
    {
        var data = new JsonObject();
        foreach (var (key, value) in e.Data)
        {
            data[key] = value;
        }

        return new JsonObject
        {
            ["id"] = e.Id, ["at"] = e.At.ToString("O"), ["actor"] = e.Actor, ["kind"] = e.Kind.ToString(), ["summary"] = e.Summary, ["data"] = data,
            ["byWorkflow"] = WorkflowActor.IsWorkflow(e.Actor),
        };
    }

    private static JsonObject Problem(Problem p) => new()
    {
        ["id"] = p.Id.ToString(), ["number"] = p.Number, ["title"] = p.Title, ["description"] = p.Description, ["service"] = p.Service,
        ["state"] = p.State.ToString(), ["rootCause"] = p.RootCause, ["workaround"] = p.Workaround, ["knownError"] = p.KnownError,
        ["resolutionNotes"] = p.ResolutionNotes,
    };

    private static JsonObject Run(string id, string definitionId, int version, string status, string? trigger, DateTimeOffset startedAt, DateTimeOffset? finishedAt,
        IEnumerable<JsonObject> steps) => new()
    {
        ["instanceId"] = id, ["definitionId"] = definitionId, ["version"] = version, ["status"] = status, ["trigger"] = trigger ?? "manual",
        ["startedAt"] = startedAt.ToString("O"), ["finishedAt"] = finishedAt?.ToString("O"),
        ["steps"] = new JsonArray(steps.Select(s => (JsonNode?)s).ToArray()),
    };

    private static JsonObject Step(string activityId, string type, string? outcome, string? error, DateTimeOffset startedAt, DateTimeOffset? completedAt) => new()
    {
        ["activityId"] = activityId, ["type"] = type, ["outcome"] = outcome, ["error"] = error,
        ["startedAt"] = startedAt.ToString("O"), ["completedAt"] = completedAt?.ToString("O"),
    };
}
