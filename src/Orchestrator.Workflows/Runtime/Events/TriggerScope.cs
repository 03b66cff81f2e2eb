using System.Text.Json.Nodes;
using Orchestrator.Workflows.Runtime.Invocation;

namespace Orchestrator.Workflows.Runtime.Events;

/// <summary>What a trigger filter sees when an event arrives: <c>event</c> (<c>{ name, correlationId, payload }</c>),
/// <c>input</c> (the payload, which becomes the run's input), <c>correlation</c> and the host-promoted payload
/// properties (such as <c>alert</c>). One definition for the runtime and the designer's preview.</summary>
public static class TriggerScope
{
    public static Dictionary<string, object?> For(string eventName, string? correlationId, JsonNode? payload, IReadOnlyList<string> promoted)
    {
        var scope = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["event"] = new JsonObject { ["name"] = eventName, ["correlationId"] = correlationId, ["payload"] = payload?.DeepClone() },
            ["input"] = payload?.DeepClone(),
            ["correlation"] = correlationId,
        };
        foreach (var (name, value) in ExpressionScope.Promoted(payload, promoted) ?? new Dictionary<string, object?>())
        {
            scope[name] = value;
        }

        return scope;
    }
}
