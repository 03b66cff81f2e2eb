using Orchestrator.Workflows.Definitions;
using Orchestrator.Workflows.Descriptors;

namespace Orchestrator.Server.Components.Workflows.Designer;

/// <summary>
/// The edits the designer makes to a definition, each a pure function from one definition to the next (so undo is
/// keeping the previous one). Edits never validate: an unfinished flowchart is a normal state while designing, and the
/// validator reports what is missing.
/// </summary>
public static class DefinitionEdits
{
    /// <summary>Adds an activity of <paramref name="descriptor"/>'s type at <paramref name="position"/> with a new id
    /// made from the type (<c>http.Request</c> → <c>request</c>, then <c>request_2</c>, …) and no inputs set: the
    /// descriptors' defaults apply when it runs, and the property panel shows them.</summary>
    public static (WorkflowDefinition Definition, string ActivityId) AddActivity(WorkflowDefinition definition, ActivityDescriptor descriptor, CanvasPosition position)
    {
        var id = NewId(definition, descriptor.Type);
        var node = new ActivityNode { Id = id, Type = descriptor.Type, Position = position };
        return (WithActivities(definition, [.. definition.Root.Activities, node]), id);
    }

    /// <summary>Connects <paramref name="source"/>'s <paramref name="port"/> to <paramref name="target"/>; the same
    /// connection twice is one connection. <c>Done</c> is stored as the default port (no <c>port</c> in the JSON).</summary>
    public static WorkflowDefinition Connect(WorkflowDefinition definition, string source, string port, string target)
    {
        var connection = new Connection(new ConnectionEndpoint(source, port == Ports.Done ? null : port), new ConnectionEndpoint(target));
        return definition.Root.Connections.Any(c => SameConnection(c, source, port, target))
            ? definition
            : WithConnections(definition, [.. definition.Root.Connections, connection]);
    }

    /// <summary>Removes the activities (with every connection to or from them) and the connections listed.</summary>
    public static WorkflowDefinition Delete(WorkflowDefinition definition, IReadOnlyCollection<string> activityIds, IReadOnlyCollection<(string Source, string Port, string Target)> connections)
    {
        var gone = activityIds.ToHashSet(StringComparer.Ordinal);
        var activities = definition.Root.Activities.Where(a => !gone.Contains(a.Id)).ToList();
        var kept = definition.Root.Connections
            .Where(c => !gone.Contains(c.Source.Activity) && !gone.Contains(c.Target.Activity))
            .Where(c => !connections.Any(d => SameConnection(c, d.Source, d.Port, d.Target)))
            .ToList();
        return definition with { Root = definition.Root with { Activities = activities, Connections = kept } };
    }

    /// <summary>Stores new canvas positions (rounded to whole pixels) for the activities named.</summary>
    public static WorkflowDefinition Move(WorkflowDefinition definition, IReadOnlyDictionary<string, CanvasPosition> positions) =>
        WithActivities(definition, definition.Root.Activities
            .Select(a => positions.TryGetValue(a.Id, out var p) ? a with { Position = new CanvasPosition(Math.Round(p.X), Math.Round(p.Y)) } : a)
            .ToList());

    /// <summary>Sets an input to a literal or an expression; null removes it (the descriptor's default applies).</summary>
    public static WorkflowDefinition SetInput(WorkflowDefinition definition, string activityId, string input, InputValue? value) =>
        Change(definition, activityId, node =>
        {
            var inputs = new Dictionary<string, InputValue>(node.Inputs, StringComparer.Ordinal);
            if (value is null)
            {
                inputs.Remove(input);
            }
            else
            {
                inputs[input] = value;
            }

            return node with { Inputs = inputs };
        });

    /// <summary>Replaces an activity's settings other than its inputs: name, retry policy and time-out.</summary>
    public static WorkflowDefinition SetSettings(WorkflowDefinition definition, string activityId, string? name, RetryPolicy? retry, int? timeoutSeconds) =>
        Change(definition, activityId, node => node with { Name = string.IsNullOrWhiteSpace(name) ? null : name.Trim(), Retry = retry, TimeoutSeconds = timeoutSeconds });

    /// <summary>Renames an activity and every connection that uses it. Expressions that read <c>outputs.&lt;old id&gt;</c>
    /// are not rewritten: the validator reports them, so nothing changes meaning silently.</summary>
    public static WorkflowDefinition Rename(WorkflowDefinition definition, string activityId, string newId)
    {
        string Renamed(string id) => id == activityId ? newId : id;
        var activities = definition.Root.Activities.Select(a => a.Id == activityId ? a with { Id = newId } : a).ToList();
        var connections = definition.Root.Connections
            .Select(c => new Connection(c.Source with { Activity = Renamed(c.Source.Activity) }, c.Target with { Activity = Renamed(c.Target.Activity) }))
            .ToList();
        return definition with { Root = definition.Root with { Activities = activities, Connections = connections } };
    }

    /// <summary>Adds copied activities and the connections among them, each id that is taken renamed (<c>log</c> →
    /// <c>log_2</c>) and the connections following the new ids; positions move by <paramref name="offset"/> so the copy
    /// does not hide the original. Returns the new ids, for the canvas to select.</summary>
    public static (WorkflowDefinition Definition, IReadOnlyList<string> ActivityIds) Paste(WorkflowDefinition definition, IReadOnlyList<ActivityNode> activities,
        IReadOnlyList<Connection> connections, CanvasPosition offset)
    {
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        var result = definition.Root.Activities.ToList();
        foreach (var node in activities)
        {
            var id = Taken(result, node.Id) ? NewId(result, node.Id) : node.Id;
            renamed[node.Id] = id;
            result.Add(node with
            {
                Id = id,
                Position = node.Position is { } p ? new CanvasPosition(p.X + offset.X, p.Y + offset.Y) : null,
            });
        }

        var added = connections
            .Where(c => renamed.ContainsKey(c.Source.Activity) && renamed.ContainsKey(c.Target.Activity))
            .Select(c => new Connection(c.Source with { Activity = renamed[c.Source.Activity] }, c.Target with { Activity = renamed[c.Target.Activity] }));
        var pasted = definition with { Root = definition.Root with { Activities = result, Connections = [.. definition.Root.Connections, .. added] } };
        return (pasted, renamed.Values.ToList());
    }

    /// <summary>A new activity id from a type or an existing id: the last dotted segment, as an identifier, starting
    /// lowercase, then <c>_2</c>, <c>_3</c>, … until it is free.</summary>
    public static string NewId(WorkflowDefinition definition, string typeOrId) => NewId(definition.Root.Activities, typeOrId);

    private static string NewId(IReadOnlyList<ActivityNode> activities, string typeOrId)
    {
        var last = typeOrId[(typeOrId.LastIndexOf('.') + 1)..];
        var stem = new string(last.Where(c => char.IsAsciiLetterOrDigit(c) || c == '_').ToArray());
        stem = System.Text.RegularExpressions.Regex.Replace(stem, @"_\d+$", string.Empty);
        stem = stem.Length == 0 || char.IsAsciiDigit(stem[0]) ? $"step{stem}" : char.ToLowerInvariant(stem[0]) + stem[1..];
        if (!Taken(activities, stem))
        {
            return stem;
        }

        for (var n = 2; ; n++)
        {
            if (!Taken(activities, $"{stem}_{n}"))
            {
                return $"{stem}_{n}";
            }
        }
    }

    private static bool Taken(IReadOnlyList<ActivityNode> activities, string id) => activities.Any(a => a.Id == id);

    private static bool SameConnection(Connection c, string source, string port, string target) =>
        c.Source.Activity == source && (c.Source.Port ?? Ports.Done) == port && c.Target.Activity == target;

    private static WorkflowDefinition Change(WorkflowDefinition definition, string activityId, Func<ActivityNode, ActivityNode> change) =>
        WithActivities(definition, definition.Root.Activities.Select(a => a.Id == activityId ? change(a) : a).ToList());

    private static WorkflowDefinition WithActivities(WorkflowDefinition definition, IReadOnlyList<ActivityNode> activities) =>
        definition with { Root = definition.Root with { Activities = activities } };

    private static WorkflowDefinition WithConnections(WorkflowDefinition definition, IReadOnlyList<Connection> connections) =>
        definition with { Root = definition.Root with { Connections = connections } };
}
