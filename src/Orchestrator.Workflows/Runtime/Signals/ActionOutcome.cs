using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Orchestrator.Templating;
using Orchestrator.Workflows.Activities;

namespace Orchestrator.Workflows.Runtime.Signals;

/// <summary>
/// How an action's result travels through the inbox, as one typed record serialised here and nowhere else:
/// <c>{ outcomes, outputs }</c> when it succeeded, <c>{ error, outputs?, permanent? }</c> when it failed, and
/// <see cref="ResumeSignal.TimedOut"/> when no result came in time. (The field names are what earlier versions stored, so a
/// result waiting in an inbox across an upgrade still reads.)
/// </summary>
public static class ActionOutcome
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault };

    public static JsonObject ToPayload(ActivityResult result) =>
        (JsonObject)JsonSerializer.SerializeToNode(new Payload(
            result.Error is null ? result.Outcomes : null,
            result.Outputs.Count == 0 ? null : ScriptValues.ToJson(result.Outputs) as JsonObject,
            result.Error,
            result.IsPermanent,
            result.ErrorIfUnconnected), Json)!;

    public static ActivityResult FromPayload(JsonNode? payload, int? timeoutSeconds)
    {
        if (ResumeSignal.IsTimedOut(payload))
        {
            return ActivityResult.Fault($"No result within the time-out of {timeoutSeconds ?? (int)RuntimeOptions.DefaultActionTimeout.TotalSeconds} s (the action hung or its node stopped).");
        }

        var read = payload is JsonObject ? payload.Deserialize<Payload>(Json) : null;
        var outputs = read?.Outputs is { } o ? ScriptValues.FromScript(ScriptValues.ToScript(o)) as IReadOnlyDictionary<string, object?> : null;
        if (read?.Error is { } error)
        {
            return ActivityResult.Fault(error, outputs, read.Permanent);
        }

        var outcome = read?.Outcomes is { Count: > 0 } outcomes ? outcomes[0] : Descriptors.Ports.Done;
        return read?.ErrorIfUnconnected is { } refusal
            ? ActivityResult.Refusal(outcome, refusal, outputs)
            : ActivityResult.Outcome(outcome, outputs);
    }

    private sealed record Payload(IReadOnlyList<string>? Outcomes, JsonObject? Outputs, string? Error, bool Permanent, string? ErrorIfUnconnected = null);
}
