using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Orchestrator.Workflows.Runtime.Signals;

/// <summary>
/// What an Approval step asks (its bookmark's data) and what a person answers (the payload that resumes it), as typed
/// records serialised here and nowhere else. The field names are those earlier versions stored, so an approval pending
/// across an upgrade is still listed and decided. A time-out resumes it with <see cref="ResumeSignal.TimedOut"/> instead.
/// </summary>
public static class ApprovalSignal
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    /// <summary>The question: a title, who may decide (users or groups) and the options, each a port of the step.</summary>
    public sealed record Request(string Title, IReadOnlyList<string> Assignees, IReadOnlyList<string> Options);

    /// <summary>The answer: the option chosen, an optional comment, and who decided.</summary>
    public sealed record Decision(string Choice, string? Comment, string? DecidedBy)
    {
        /// <summary>Stored as <c>decision</c> (its name before it was a record).</summary>
        [JsonPropertyName("decision")]
        public string Choice { get; init; } = Choice;
    }

    public static JsonObject ToData(Request request) => (JsonObject)JsonSerializer.SerializeToNode(request, Json)!;

    /// <summary>The question of a pending approval; null when its data is not one (never written by this version).</summary>
    public static Request? ReadData(JsonObject? data)
    {
        try
        {
            return data?.Deserialize<Request>(Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static JsonObject ToPayload(Decision decision) => (JsonObject)JsonSerializer.SerializeToNode(decision, Json)!;

    /// <summary>The decision a payload carries; an empty choice when it carries none.</summary>
    public static Decision ReadPayload(JsonNode? payload)
    {
        try
        {
            return (payload as JsonObject)?.Deserialize<Decision>(Json) ?? new Decision(string.Empty, null, null);
        }
        catch (JsonException)
        {
            return new Decision(string.Empty, null, null);
        }
    }
}
