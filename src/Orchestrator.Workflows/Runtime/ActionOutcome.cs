using System.Text.Json.Nodes;
using Orchestrator.Templating;
using Orchestrator.Workflows.Activities;

namespace Orchestrator.Workflows.Runtime;

/// <summary>How an action's result travels through the inbox: <c>{ outcomes, outputs }</c>, <c>{ error }</c> or <c>{ timedOut }</c>.</summary>
public static class ActionOutcome
{
    public static JsonObject ToPayload(ActivityResult result) =>
        result.Error is { } error
            ? new JsonObject { ["error"] = error }
            : new JsonObject
            {
                ["outcomes"] = new JsonArray(result.Outcomes.Select(o => (JsonNode?)JsonValue.Create(o)).ToArray()),
                ["outputs"] = ScriptValues.ToJson(result.Outputs),
            };

    public static ActivityResult FromPayload(JsonNode? payload, int? timeoutSeconds)
    {
        if (payload?["timedOut"] is JsonValue timedOut && timedOut.GetValue<bool>())
        {
            return ActivityResult.Fault($"No result within the time-out of {timeoutSeconds ?? (int)RuntimeOptions.DefaultActionTimeout.TotalSeconds} s (the action hung or its node stopped).");
        }

        if (payload?["error"]?.GetValue<string>() is { } error)
        {
            return ActivityResult.Fault(error);
        }

        var outputs = payload?["outputs"] is JsonObject o ? ScriptValues.FromScript(ScriptValues.ToScript(o)) as IReadOnlyDictionary<string, object?> : null;
        var outcome = payload?["outcomes"] is JsonArray { Count: > 0 } a ? a[0]!.GetValue<string>() : Descriptors.Ports.Done;
        return ActivityResult.Outcome(outcome, outputs);
    }
}
