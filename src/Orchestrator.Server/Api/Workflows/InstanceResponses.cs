using System.Text.Json.Nodes;
using Orchestrator.Templating;
using Orchestrator.Workflows.Runtime.Signals;
using Orchestrator.Workflows.Runtime.Storage;
using Orchestrator.Workflows.Runtime.Instances;

namespace Orchestrator.Server.Api.Workflows;

/// <summary>A run as <c>GET /api/workflow-instances/{id}</c> returns it.</summary>
public sealed record InstanceResponse(
    string Id,
    string DefinitionId,
    int Version,
    WorkflowStatus Status,
    string? CorrelationId,
    string? ParentInstanceId,
    JsonObject Input,
    JsonNode? Variables,
    WorkflowFault? Fault,
    IReadOnlyList<JournalEntryResponse> Journal,
    IReadOnlyList<BookmarkResponse> Bookmarks,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FinishedAt)
{
    public static InstanceResponse From(WorkflowInstance i, IReadOnlyList<JournalEntry> journal) => new(
        i.Id, i.DefinitionId, i.DefinitionVersion, i.Status, i.CorrelationId, i.ParentInstanceId, i.Input,
        ScriptValues.ToJson(i.Variables), i.Fault,
        journal.Select(JournalEntryResponse.From).ToList(),
        i.Bookmarks.Select(BookmarkResponse.From).ToList(),
        i.CreatedAt, i.UpdatedAt, i.FinishedAt);
}

/// <summary>A journal entry: <c>{ activityId, type, startedAt, completedAt?, outcome?, attempt, error?, outputs? }</c>.</summary>
public sealed record JournalEntryResponse(long Seq, string ActivityId, string Type, DateTimeOffset StartedAt, DateTimeOffset? CompletedAt,
    string? Outcome, int Attempt, string? Error, JsonObject? Outputs)
{
    public static JournalEntryResponse From(JournalEntry e) => new(e.Seq, e.ActivityId, e.Type, e.StartedAt, e.CompletedAt, e.Outcome, e.Attempt, e.Error, e.Outputs);
}

/// <summary>What a suspended branch waits for.</summary>
public sealed record BookmarkResponse(string Id, string ActivityId, string Kind, string Name, string? CorrelationId, DateTimeOffset? DueAt, JsonObject? Data, DateTimeOffset CreatedAt)
{
    public static BookmarkResponse From(Bookmark b) => new(b.Id, b.ActivityId, b.Kind.ToString(), b.Name, b.CorrelationId, b.DueAt, b.Data, b.CreatedAt);
}

/// <summary>A pending approval: <c>GET /api/approvals</c>.</summary>
public sealed record ApprovalResponse(string Id, string InstanceId, string DefinitionId, string ActivityId, string Title, IReadOnlyList<string> Assignees,
    IReadOnlyList<string> Options, DateTimeOffset? DueAt, DateTimeOffset CreatedAt, string Status)
{
    public static ApprovalResponse From(PendingBookmark p)
    {
        var asked = ApprovalSignal.ReadData(p.Bookmark.Data);
        return new(p.Bookmark.Id, p.InstanceId, p.DefinitionId, p.Bookmark.ActivityId, asked?.Title ?? p.Bookmark.Name, asked?.Assignees ?? [],
            asked?.Options ?? [], p.Bookmark.DueAt, p.Bookmark.CreatedAt, "Pending");
    }
}
