using System.Text.Json.Nodes;

namespace Orchestrator.Workflows.Runtime.Signals;

/// <summary>
/// The payload that resumes a bookmark whose due time passed while it waited for something else (an approval, an
/// action's result, an event or a child run with a time-out): written and recognised here only.
/// </summary>
public static class ResumeSignal
{
    private const string TimedOutField = "timedOut";

    /// <summary>A new time-out payload, <c>{ "timedOut": true }</c>.</summary>
    public static JsonObject TimedOut() => new() { [TimedOutField] = true };

    /// <summary>Whether <paramref name="payload"/> says the wait timed out.</summary>
    public static bool IsTimedOut(JsonNode? payload) =>
        payload is JsonObject o && o[TimedOutField] is JsonValue value && value.TryGetValue<bool>(out var timedOut) && timedOut;
}
