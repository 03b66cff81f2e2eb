using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Orchestrator.Templating;
using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Runtime.Instances;

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
            Trigger = record.Trigger,
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

    public static Bookmark ToBookmark(WorkflowBookmarkRecord record)
    {
        var kind = Enum.Parse<BookmarkKind>(record.Kind);
        var stored = record.DataJson is null ? null : JsonNode.Parse(record.DataJson)?.AsObject();
        var (data, tryNumber, dueIsTimeout) = stored?[BookmarkEnvelope.VersionField] is not null
            ? ReadEnvelope(stored)
            : ReadBeforeEnvelope(ref kind, stored);
        return new Bookmark(record.Id, record.ActivityId, kind, record.Name, record.CorrelationId, record.DueAt, data, record.Attempt,
            record.JournalSeq, record.CreatedAt, tryNumber, dueIsTimeout);
    }

    public static WorkflowBookmarkRecord ToRecord(string instanceId, Bookmark bookmark) => new()
    {
        Id = bookmark.Id,
        InstanceId = instanceId,
        ActivityId = bookmark.ActivityId,
        Kind = bookmark.Kind.ToString(),
        Name = bookmark.Name.Length <= 200 ? bookmark.Name : bookmark.Name[..200],
        CorrelationId = bookmark.CorrelationId,
        DueAt = bookmark.DueAt,
        DataJson = bookmark is { Data: null, Try: 1, DueIsTimeout: false }
            ? null
            : JsonSerializer.Serialize(new BookmarkEnvelope(BookmarkEnvelope.CurrentVersion, bookmark.Data, bookmark.Try, bookmark.DueIsTimeout), Options),
        Attempt = bookmark.Attempt,
        JournalSeq = bookmark.JournalSeq,
        CreatedAt = bookmark.CreatedAt,
    };

    private static (JsonObject? Data, int Try, bool DueIsTimeout) ReadEnvelope(JsonObject stored)
    {
        var envelope = stored.Deserialize<BookmarkEnvelope>(Options)!;
        return (envelope.Data, Math.Max(1, envelope.Try), envelope.DueIsTimeout);
    }

    /// <summary>Bookmarks written before the envelope kept the runtime's own fields beside the activity's data:
    /// <c>retry</c>/<c>try</c> on a Timer for a retry back-off, <c>inputs</c>/<c>try</c> on an Action, and <c>timeout</c>
    /// on a wait whose due time is a time-out. Read them, so a run suspended before an upgrade resumes after it.</summary>
    private static (JsonObject? Data, int Try, bool DueIsTimeout) ReadBeforeEnvelope(ref BookmarkKind kind, JsonObject? stored)
    {
        if (stored is null)
        {
            return (null, 1, false);
        }

        var tryNumber = stored["try"] is JsonValue t && t.TryGetValue<int>(out var n) && n > 0 ? n : 1;
        if (kind == BookmarkKind.Timer && stored["retry"] is JsonValue r && r.TryGetValue<bool>(out var retry) && retry)
        {
            kind = BookmarkKind.Retry;
            return (null, tryNumber, false);
        }

        if (kind == BookmarkKind.Action)
        {
            return (stored["inputs"]?.DeepClone() as JsonObject ?? [], tryNumber, false);
        }

        var dueIsTimeout = stored["timeout"] is JsonValue m && m.TryGetValue<bool>(out var marked) && marked;
        var data = stored.DeepClone().AsObject();
        data.Remove("timeout");
        return (data.Count == 0 ? null : data, 1, dueIsTimeout);
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }

    /// <summary>How a bookmark's data is stored: the activity's own data and the runtime's typed fields, apart.</summary>
    private sealed record BookmarkEnvelope(int V, JsonObject? Data, int Try, bool DueIsTimeout)
    {
        public const string VersionField = "v";
        public const int CurrentVersion = 2;
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
