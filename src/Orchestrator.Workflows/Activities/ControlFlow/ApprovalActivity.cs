using System.Globalization;
using System.Text.Json.Nodes;
using Orchestrator.Workflows.Descriptors;
using Orchestrator.Workflows.Runtime.Signals;

namespace Orchestrator.Workflows.Activities.ControlFlow;

/// <summary>
/// Asks people to decide. Each option is a port (default <c>Approve</c> and <c>Reject</c>); without a decision before
/// the time-out the run follows <c>TimedOut</c>.
/// </summary>
public sealed class ApprovalActivity : IActivity
{
    public const string TypeName = "Approval";

    private static readonly string[] DefaultOptions = [Ports.Approve, Ports.Reject];

    public ActivityDescriptor Descriptor { get; } = new()
    {
        Type = TypeName,
        Category = "People",
        DisplayName = "Approval",
        Description = "Waits for one of the assignees to choose an option; follows TimedOut when nobody decides in time.",
        Inputs =
        [
            new InputDescriptor("title", InputTypes.String, UiHints.Text, Required: true),
            new InputDescriptor("assignees", InputTypes.Array, UiHints.Json, Required: true, Description: "User or group names."),
            new InputDescriptor("options", InputTypes.Array, UiHints.Json, Default: new JsonArray("Approve", "Reject"), Description: "Each option becomes a port."),
            new InputDescriptor("timeoutSeconds", InputTypes.Number, UiHints.Number, Description: "Seconds until the TimedOut port is taken; none waits for ever.", GreaterThan: 0),
        ],
        Outputs =
        [
            new OutputDescriptor("decision", InputTypes.String),
            new OutputDescriptor("comment", InputTypes.String),
            new OutputDescriptor("decidedBy", InputTypes.String),
        ],
        Outcomes = [Ports.TimedOut],
        OutcomesFromInput = "options",
        CanSuspend = true,
    };

    /// <summary>The option ports of a node: its literal options, or Approve/Reject.</summary>
    public static IReadOnlyList<string> OptionsOf(JsonNode? options) =>
        options is JsonArray array && array.Count > 0
            ? array.Select(o => o is JsonValue v && v.TryGetValue<string>(out var s) ? s : string.Empty).ToList()
            : DefaultOptions;

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var options = context.Input("options") is IEnumerable<object?> list ? list.Select(o => o?.ToString() ?? string.Empty).ToList() : [];
        if (options.Count == 0)
        {
            options = [.. DefaultOptions];
        }
        var assignees = context.Input("assignees") switch
        {
            string one => new List<string> { one }.Where(a => a.Trim().Length > 0).ToList(),
            IEnumerable<object?> many => many.Select(a => a?.ToString() ?? string.Empty).Where(a => a.Length > 0).ToList(),
            _ => new List<string>(),
        };
        if (context.Input("title") is not string { Length: > 0 } title)
        {
            return ValueTask.FromResult(ActivityResult.Fault("title must be a non-empty string."));
        }

        if (assignees.Count == 0 || options.Count == 0 || options.Any(o => o.Length == 0))
        {
            return ValueTask.FromResult(ActivityResult.Fault("An approval needs at least one assignee and non-empty options."));
        }

        DateTimeOffset? dueAt = context.Input("timeoutSeconds") is { } timeout
            ? context.Now.AddSeconds(Convert.ToDouble(timeout, CultureInfo.InvariantCulture))
            : null;
        var data = ApprovalSignal.ToData(new ApprovalSignal.Request(title, assignees, options));
        return ValueTask.FromResult(ActivityResult.Suspend(new BookmarkRequest(BookmarkKind.Approval, title, dueAt, data)));
    }

    /// <summary>Payload: <c>{ decision, comment?, decidedBy? }</c>, or <c>{ timedOut: true }</c> from the timer.</summary>
    public ValueTask<ActivityResult> ResumeAsync(ActivityContext context, JsonNode? payload)
    {
        if (ResumeSignal.IsTimedOut(payload))
        {
            // Nobody decided: the outputs exist but are empty, so a TimedOut branch can test outputs.<id>.decision.
            return ValueTask.FromResult(ActivityResult.Outcome(Ports.TimedOut,
                new Dictionary<string, object?> { ["decision"] = null, ["comment"] = null, ["decidedBy"] = null }));
        }

        var decision = ApprovalSignal.ReadPayload(payload);
        var outputs = new Dictionary<string, object?>
        {
            ["decision"] = decision.Choice,
            ["comment"] = decision.Comment,
            ["decidedBy"] = decision.DecidedBy,
        };
        return ValueTask.FromResult(ActivityResult.Outcome(decision.Choice, outputs));
    }
}
