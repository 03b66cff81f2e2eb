using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Orchestrator.Templating;
using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Runtime;

namespace Orchestrator.Infrastructure.Persistence.Workflows;

/// <summary>The flow state of an instance (input, variables, outputs, connections, queue, attempts, fault) as one JSON document.</summary>
internal static class InstanceStateJson
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    public static string Serialize(WorkflowInstance instance) =>
        JsonSerializer.Serialize(new State(
            instance.Input,
            instance.Variables.ToDictionary(v => v.Key, v => ScriptValues.ToJson(v.Value), StringComparer.Ordinal),
            instance.Outputs,
            instance.Connections,
            instance.Queue,
            instance.Attempts,
            instance.Fault,
            instance.NextJournalSeq), Options);

    public static WorkflowInstance Deserialize(WorkflowInstanceRecord record, IEnumerable<Bookmark> bookmarks)
    {
        var state = JsonSerializer.Deserialize<State>(record.StateJson, Options)
            ?? throw new InvalidOperationException($"Workflow instance {record.Id} has no state.");
        var instance = new WorkflowInstance
        {
            Id = record.Id,
            DefinitionId = record.DefinitionId,
            DefinitionVersion = record.DefinitionVersion,
            CorrelationId = record.CorrelationId,
            ParentInstanceId = record.ParentInstanceId,
            ParentBookmarkId = record.ParentBookmarkId,
            Status = Enum.Parse<WorkflowStatus>(record.Status),
            Input = state.Input ?? [],
            CreatedAt = record.CreatedAt,
            UpdatedAt = record.UpdatedAt,
            FinishedAt = record.FinishedAt,
            Version = record.Version,
            Fault = state.Fault,
            NextJournalSeq = state.NextJournalSeq,
        };
        foreach (var (name, value) in state.Variables ?? [])
        {
            instance.Variables[name] = value is null ? null : ScriptValues.FromScript(ScriptValues.ToScript(value));
        }

        foreach (var (id, outputs) in state.Outputs ?? [])
        {
            instance.Outputs[id] = outputs;
        }

        foreach (var (key, value) in state.Connections ?? [])
        {
            instance.Connections[key] = value;
        }

        instance.Queue.AddRange(state.Queue ?? []);
        foreach (var (id, attempt) in state.Attempts ?? [])
        {
            instance.Attempts[id] = attempt;
        }

        instance.Bookmarks.AddRange(bookmarks);
        return instance;
    }

    public static Bookmark ToBookmark(WorkflowBookmarkRecord record) =>
        new(record.Id, record.ActivityId, Enum.Parse<BookmarkKind>(record.Kind), record.Name, record.CorrelationId, record.DueAt,
            record.DataJson is null ? null : JsonNode.Parse(record.DataJson)?.AsObject(), record.Attempt, record.JournalSeq, record.CreatedAt);

    public static WorkflowBookmarkRecord ToRecord(string instanceId, Bookmark bookmark) => new()
    {
        Id = bookmark.Id,
        InstanceId = instanceId,
        ActivityId = bookmark.ActivityId,
        Kind = bookmark.Kind.ToString(),
        Name = bookmark.Name.Length <= 200 ? bookmark.Name : bookmark.Name[..200],
        CorrelationId = bookmark.CorrelationId,
        DueAt = bookmark.DueAt,
        DataJson = bookmark.Data?.ToJsonString(),
        Attempt = bookmark.Attempt,
        JournalSeq = bookmark.JournalSeq,
        CreatedAt = bookmark.CreatedAt,
    };

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }

    private sealed record State(
        JsonObject? Input,
        Dictionary<string, JsonNode?>? Variables,
        Dictionary<string, JsonObject>? Outputs,
        Dictionary<string, ConnectionState>? Connections,
        List<WorkItem>? Queue,
        Dictionary<string, int>? Attempts,
        WorkflowFault? Fault,
        long NextJournalSeq);
}
