using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Components.Canvas;
using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Definitions;
using Orchestrator.Workflows.Descriptors;

namespace Orchestrator.Server.Components.Workflows;

/// <summary>
/// What changed between two versions of a workflow: activities added, removed or changed (and in what: type, label,
/// inputs by name, retry, time-out — a move alone is not a change), connections added or removed, and the workflow's
/// own settings. <see cref="Graph"/> draws both on one canvas: the newer flowchart plus what it no longer has.
/// </summary>
public sealed record WorkflowDiff(
    WorkflowDefinition Older,
    WorkflowDefinition Newer,
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Removed,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Changed,
    IReadOnlyList<Connection> ConnectionsAdded,
    IReadOnlyList<Connection> ConnectionsRemoved,
    IReadOnlyList<string> SettingsChanged)
{
    public const string AddedState = "added", RemovedState = "removed", ChangedState = "changed", UnchangedState = "unchanged";

    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0 && Changed.Count == 0 && ConnectionsAdded.Count == 0
        && ConnectionsRemoved.Count == 0 && SettingsChanged.Count == 0;

    public static WorkflowDiff Between(WorkflowDefinition older, WorkflowDefinition newer)
    {
        var before = older.Root.Activities.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var after = newer.Root.Activities.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var changed = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (id, node) in after)
        {
            if (before.TryGetValue(id, out var was) && WhatChanged(was, node) is { Count: > 0 } what)
            {
                changed[id] = what;
            }
        }

        var beforeConnections = older.Root.Connections.ToHashSet(ConnectionKey.Comparer);
        var afterConnections = newer.Root.Connections.ToHashSet(ConnectionKey.Comparer);
        return new WorkflowDiff(older, newer,
            after.Keys.Where(id => !before.ContainsKey(id)).ToList(),
            before.Keys.Where(id => !after.ContainsKey(id)).ToList(),
            changed,
            newer.Root.Connections.Where(c => !beforeConnections.Contains(c)).ToList(),
            older.Root.Connections.Where(c => !afterConnections.Contains(c)).ToList(),
            SettingsOf(older, newer));
    }

    /// <summary>One canvas for both versions: the newer flowchart with each activity and connection marked added,
    /// changed or unchanged, and what the older one had that the newer lacks drawn where it was, marked removed.</summary>
    public CanvasGraph Graph(IActivityRegistry registry)
    {
        var removed = Removed.ToHashSet(StringComparer.Ordinal);
        var union = Newer with
        {
            Root = Newer.Root with
            {
                Activities = [.. Newer.Root.Activities, .. Older.Root.Activities.Where(a => removed.Contains(a.Id))],
                Connections = [.. Newer.Root.Connections, .. ConnectionsRemoved],
            },
        };
        var states = union.Root.Activities.ToDictionary(a => a.Id, a => new CanvasStatus(StateOf(a.Id), Detail: Describe(a.Id)), StringComparer.Ordinal);
        var graph = CanvasGraph.From(union, registry, readOnly: true, fit: true, run: new RunOverlay(states, new HashSet<(string, string, string)>()));
        var added = ConnectionsAdded.Select(Key).ToHashSet();
        var gone = ConnectionsRemoved.Select(Key).ToHashSet();
        return graph with
        {
            Connections = graph.Connections.Select(c => c with
            {
                Change = gone.Contains((c.Source, c.SourcePort, c.Target)) ? RemovedState : added.Contains((c.Source, c.SourcePort, c.Target)) ? AddedState : null,
            }).ToList(),
        };
    }

    private string StateOf(string id) =>
        Added.Contains(id) ? AddedState : Removed.Contains(id) ? RemovedState : Changed.ContainsKey(id) ? ChangedState : UnchangedState;

    private string? Describe(string id) => Changed.TryGetValue(id, out var what) ? $"changed: {string.Join(", ", what)}" : null;

    private static (string, string, string) Key(Connection c) => (c.Source.Activity, c.Source.Port ?? Ports.Done, c.Target.Activity);

    private static List<string> WhatChanged(ActivityNode was, ActivityNode now)
    {
        var what = new List<string>();
        if (was.Type != now.Type)
        {
            what.Add("type");
        }

        if (was.Name != now.Name)
        {
            what.Add("label");
        }

        foreach (var input in was.Inputs.Keys.Union(now.Inputs.Keys).Order(StringComparer.Ordinal))
        {
            if (!Equals(was.Inputs.GetValueOrDefault(input), now.Inputs.GetValueOrDefault(input)))
            {
                what.Add($"inputs.{input}");
            }
        }

        if (was.Retry != now.Retry)
        {
            what.Add("retry");
        }

        if (was.TimeoutSeconds != now.TimeoutSeconds)
        {
            what.Add("timeoutSeconds");
        }

        return what;
    }

    private static List<string> SettingsOf(WorkflowDefinition older, WorkflowDefinition newer)
    {
        var what = new List<string>();
        if (older.Name != newer.Name)
        {
            what.Add("name");
        }

        if (older.Description != newer.Description)
        {
            what.Add("description");
        }

        if (!JsonNode.DeepEquals(JsonSerializer.SerializeToNode(older.Variables, WorkflowJson.Options), JsonSerializer.SerializeToNode(newer.Variables, WorkflowJson.Options)))
        {
            what.Add("variables");
        }

        if (!older.Triggers.SequenceEqual(newer.Triggers))
        {
            what.Add("triggers");
        }

        return what;
    }

    /// <summary>Connections are the same when they join the same port to the same activity.</summary>
    private sealed class ConnectionKey : IEqualityComparer<Connection>
    {
        public static readonly ConnectionKey Comparer = new();

        public bool Equals(Connection? x, Connection? y) => x is not null && y is not null && Key(x) == Key(y);

        public int GetHashCode(Connection c) => Key(c).GetHashCode();
    }
}
