using System.Text.Json.Nodes;
using Orchestrator.Templating;
using Orchestrator.Workflows.Descriptors;

namespace Orchestrator.Workflows.Activities.ControlFlow;

/// <summary>
/// Starts a run of another published workflow with this run's correlation id. With <c>wait</c> the branch waits for the
/// child to finish (output <c>instanceId</c>, <c>status</c>, <c>variables</c>); without it the branch goes on at once.
/// </summary>
public sealed class RunWorkflowActivity : IActivity
{
    public const string TypeName = "RunWorkflow";

    public ActivityDescriptor Descriptor { get; } = new()
    {
        Type = TypeName,
        Category = "Composition",
        DisplayName = "Run workflow",
        Description = "Runs a child workflow; waits for it to finish when 'wait' is true.",
        Inputs =
        [
            new InputDescriptor("definitionId", InputTypes.String, UiHints.Text, Required: true),
            new InputDescriptor("input", InputTypes.Object, UiHints.Json),
            new InputDescriptor("wait", InputTypes.Boolean, UiHints.Boolean, Default: JsonValue.Create(true)),
        ],
        Outputs =
        [
            new OutputDescriptor("instanceId", InputTypes.String),
            new OutputDescriptor("status", InputTypes.String),
            new OutputDescriptor("variables", InputTypes.Object),
        ],
        CanSuspend = true,
    };

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (context.Input("definitionId") is not string { Length: > 0 } definitionId)
        {
            return ValueTask.FromResult(ActivityResult.Fault("definitionId must name a published workflow."));
        }

        var request = new Runtime.Signals.ChildRun.Request(definitionId, ScriptValues.ToJson(context.Input("input")) as JsonObject, context.Input("wait") is not false);
        return ValueTask.FromResult(ActivityResult.Suspend(new BookmarkRequest(BookmarkKind.ChildWorkflow, definitionId, Data: Runtime.Signals.ChildRun.ToData(request))));
    }

    /// <summary>Payload: the child's <see cref="Runtime.Signals.ChildRun.Answer"/>.</summary>
    public ValueTask<ActivityResult> ResumeAsync(ActivityContext context, JsonNode? payload)
    {
        var answer = Runtime.Signals.ChildRun.ReadPayload(payload);
        return ValueTask.FromResult(answer switch
        {
            { Error: { } error, InstanceId: null } => ActivityResult.Fault($"Child workflow could not start: {error}"),
            { Error: { } error } => ActivityResult.Fault($"Child workflow {answer.InstanceId} {answer.Status}: {error}"),
            { Status: nameof(Runtime.Instances.WorkflowStatus.Cancelled) } => ActivityResult.Fault($"Child workflow {answer.InstanceId} was cancelled."),
            _ => ActivityResult.Done(new Dictionary<string, object?>
            {
                ["instanceId"] = answer.InstanceId,
                ["status"] = answer.Status,
                ["variables"] = ScriptValues.FromScript(ScriptValues.ToScript(answer.Variables)),
            }),
        });
    }
}
