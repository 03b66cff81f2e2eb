using System.Text.Json;
using Orchestrator.Workflows.Definitions;

namespace Orchestrator.Server.Components.Workflows.Designer;

/// <summary>Activities copied on the canvas (Canvas/src/clipboard.ts writes it): definition JSON, so it pastes into any
/// workflow and can be read or edited as text in between.</summary>
public sealed record ClipboardPayload(IReadOnlyList<ActivityNode> Activities, IReadOnlyList<Connection> Connections)
{
    /// <summary>Reads clipboard text; null when it is not a copy of activities.</summary>
    public static ClipboardPayload? Read(string text)
    {
        try
        {
            var payload = JsonSerializer.Deserialize<ClipboardPayload>(text, WorkflowJson.Options);
            return payload is { Activities.Count: > 0 } && payload.Activities.All(a => a.Id.Length > 0 && a.Type.Length > 0)
                ? payload with { Connections = payload.Connections ?? [] }
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
