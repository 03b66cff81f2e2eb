using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Orchestrator.Workflows.Runtime.Signals;

/// <summary>
/// What a RunWorkflow step asks for (its bookmark's data) and what the child answers (the payload that resumes it), as
/// typed records serialised here and nowhere else. The field names are those earlier versions stored, so a parent
/// waiting across an upgrade still reads its child's answer.
/// </summary>
public static class ChildRun
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>Run the published version of <paramref name="DefinitionId"/> with <paramref name="Input"/>; with
    /// <paramref name="Wait"/> the parent's branch waits for it to end.</summary>
    public sealed record Request(string DefinitionId, JsonObject? Input, bool Wait = true);

    /// <summary>The child's id and status (Running when the parent does not wait), its variables when it ended, or the
    /// error that ended it or kept it from starting.</summary>
    public sealed record Answer(string? InstanceId, string? Status, string? Error = null, JsonObject? Variables = null);

    public static JsonObject ToData(Request request) => (JsonObject)JsonSerializer.SerializeToNode(request, Json)!;

    public static Request ReadData(JsonObject? data) =>
        data?.Deserialize<Request>(Json) ?? new Request(string.Empty, null);

    public static JsonObject ToPayload(Answer answer) => (JsonObject)JsonSerializer.SerializeToNode(answer, Json)!;

    public static Answer ReadPayload(JsonNode? payload) =>
        payload is JsonObject ? payload.Deserialize<Answer>(Json) ?? new Answer(null, null) : new Answer(null, null);
}
