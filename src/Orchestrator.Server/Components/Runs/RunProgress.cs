using System.Globalization;
using Orchestrator.Server.Components.Canvas;
using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Definitions;
using Orchestrator.Workflows.Descriptors;
using Orchestrator.Workflows.Runtime.Instances;

namespace Orchestrator.Server.Components.Runs;

/// <summary>
/// Where each activity of a run stands, read from its journal and bookmarks as last committed: the status the run view
/// draws on the canvas, and the connections the run went along.
/// </summary>
public static class RunProgress
{
    public static class States
    {
        public const string Pending = "pending";
        public const string Running = "running";
        public const string Waiting = "waiting";
        public const string Done = "done";
        public const string Failed = "failed";
        public const string Cancelled = "cancelled";
        public const string Skipped = "skipped";
    }

    public static RunOverlay Of(WorkflowDefinition definition, WorkflowInstance instance, IReadOnlyList<JournalEntry> journal)
    {
        var entries = journal.GroupBy(e => e.ActivityId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(e => e.Seq).ToList(), StringComparer.Ordinal);
        var statuses = new Dictionary<string, CanvasStatus>(StringComparer.Ordinal);
        foreach (var node in definition.Root.Activities)
        {
            var bookmark = instance.Bookmarks.FirstOrDefault(b => b.ActivityId == node.Id);
            statuses[node.Id] = entries.TryGetValue(node.Id, out var runs)
                ? StatusOf(runs, bookmark, instance)
                : new CanvasStatus(States.Pending);
        }

        var taken = definition.Root.Connections
            .Where(c => entries.ContainsKey(c.Target.Activity)
                && entries.TryGetValue(c.Source.Activity, out var from)
                && from.Any(e => e.CompletedAt is not null && e.Outcome == (c.Source.Port ?? Ports.Done)))
            .Select(c => (c.Source.Activity, c.Source.Port ?? Ports.Done, c.Target.Activity))
            .ToHashSet();
        return new RunOverlay(statuses, taken);
    }

    private static CanvasStatus StatusOf(List<JournalEntry> runs, Bookmark? bookmark, WorkflowInstance instance)
    {
        var last = runs[^1];
        if (bookmark is { Kind: BookmarkKind.Retry })
        {
            return new CanvasStatus(States.Waiting, last.Outcome, $"try {bookmark.Try} at {Time(bookmark.DueAt)} — {last.Error}", runs.Count);
        }

        return last switch
        {
            { CompletedAt: null } when bookmark is { Kind: not BookmarkKind.Action } => new CanvasStatus(States.Waiting, null, WaitingFor(bookmark), runs.Count),
            { CompletedAt: null } when instance.Status == WorkflowStatus.Cancelled => new CanvasStatus(States.Cancelled, null, null, runs.Count),
            { CompletedAt: null } => new CanvasStatus(States.Running, null, null, runs.Count),
            { Outcome: Ports.Failed } => new CanvasStatus(States.Failed, Ports.Failed, last.Error, runs.Count),
            { Outcome: JournalEntry.Cancelled } => new CanvasStatus(States.Cancelled, null, null, runs.Count),
            { Outcome: JournalEntry.Skipped } => new CanvasStatus(States.Skipped, null, null, runs.Count),
            _ => new CanvasStatus(States.Done, last.Outcome, null, runs.Count),
        };
    }

    /// <summary>What a waiting activity waits for, in words.</summary>
    public static string WaitingFor(Bookmark bookmark) => bookmark.Kind switch
    {
        BookmarkKind.Event => $"event '{bookmark.Name}'{(bookmark.DueAt is { } due ? $", times out at {Time(due)}" : "")}",
        BookmarkKind.Timer => $"until {Time(bookmark.DueAt)}",
        BookmarkKind.Approval => $"approval: {bookmark.Name}{(bookmark.DueAt is { } due ? $", times out at {Time(due)}" : "")}",
        BookmarkKind.ChildWorkflow => "a child run to finish",
        BookmarkKind.Action => "the action to finish",
        BookmarkKind.Retry => $"try {bookmark.Try} at {Time(bookmark.DueAt)}",
        _ => bookmark.Name,
    };

    private static string Time(DateTimeOffset? at) => at?.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) ?? "?";
}
