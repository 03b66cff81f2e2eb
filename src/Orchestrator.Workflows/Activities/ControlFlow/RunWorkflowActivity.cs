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

        var data = new JsonObject
        {
            ["definitionId"] = definitionId,
            ["input"] = ScriptValues.ToJson(context.Input("input")),
            ["wait"] = context.Input("wait") is not false,
        };
        return ValueTask.FromResult(ActivityResult.Suspend(new BookmarkRequest(BookmarkKind.ChildWorkflow, definitionId, Data: data)));
    }

    /// <summary>Payload: <c>{ instanceId, status, variables }</c> of the child, or <c>{ error }</c> when it could not run or failed.</summary>
    public ValueTask<ActivityResult> ResumeAsync(ActivityContext context, JsonNode? payload) =>
        payload?["error"]?.GetValue<string>() is { } error
            ? ValueTask.FromResult(ActivityResult.Fault($"Child workflow {payload["instanceId"]?.GetValue<string>() ?? string.Empty} {payload["status"]?.GetValue<string>() ?? "could not start"}: {error}".Replace("  ", " ", StringComparison.Ordinal)))
            : payload?["status"]?.GetValue<string>() is nameof(Runtime.WorkflowStatus.Cancelled)
                ? ValueTask.FromResult(ActivityResult.Fault($"Child workflow {payload["instanceId"]?.GetValue<string>()} was cancelled."))
                : ValueTask.FromResult(ActivityResult.Done(new Dictionary<string, object?>
        {
            ["instanceId"] = payload?["instanceId"]?.GetValue<string>(),
            ["status"] = payload?["status"]?.GetValue<string>(),
            ["variables"] = ScriptValues.FromScript(ScriptValues.ToScript(payload?["variables"])),
        }));
}
