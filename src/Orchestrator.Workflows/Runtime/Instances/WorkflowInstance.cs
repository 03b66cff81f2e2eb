using System.Text.Json.Nodes;

namespace Orchestrator.Workflows.Runtime.Instances;

/// <summary>
/// A run of one definition version: status, correlation, input, variables, activity outputs, the flow state of the
/// flowchart (connections, pending work, bookmarks) and its fault. The journal is kept beside it, entry by entry.
/// </summary>
public sealed class WorkflowInstance
{
    public required string Id { get; init; }

    public required string DefinitionId { get; init; }

    public required int DefinitionVersion { get; init; }

    public string? CorrelationId { get; init; }

    /// <summary>The run that started this one with RunWorkflow, and the bookmark it waits on.</summary>
    public string? ParentInstanceId { get; init; }

    public string? ParentBookmarkId { get; init; }

    /// <summary>What started the run: the event name of a trigger (e.g. <c>incident.created</c>), <c>cron</c>,
    /// <c>RunWorkflow</c> for a child, or null when a person or the API started it.</summary>
    public string? Trigger { get; init; }

    public WorkflowStatus Status { get; set; } = WorkflowStatus.Running;

    public JsonObject Input { get; init; } = [];

    /// <summary>Variable values as plain .NET values (string, long, double, bool, lists, dictionaries).</summary>
    public Dictionary<string, object?> Variables { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The latest outputs of each activity, readable as <c>outputs.&lt;activityId&gt;</c>.</summary>
    public Dictionary<string, JsonObject> Outputs { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Connections decided since their target last ran, keyed by <see cref="ConnectionKey"/>.</summary>
    public Dictionary<string, ConnectionState> Connections { get; init; } = new(StringComparer.Ordinal);

    public List<WorkItem> Queue { get; init; } = [];

    public List<Bookmark> Bookmarks { get; init; } = [];

    /// <summary>The last attempt number of each activity.</summary>
    public Dictionary<string, int> Attempts { get; init; } = new(StringComparer.Ordinal);

    public WorkflowFault? Fault { get; set; }

    public long NextJournalSeq { get; set; } = 1;

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Optimistic-concurrency version, bumped by every committed turn.</summary>
    public int Version { get; set; }

    public bool IsFinal => Status is WorkflowStatus.Finished or WorkflowStatus.Cancelled;

    public static string ConnectionKey(Definitions.Connection connection) =>
        $"{connection.Source.Activity}|{Graph.FlowchartGraph.PortOf(connection)}|{connection.Target.Activity}";
}
