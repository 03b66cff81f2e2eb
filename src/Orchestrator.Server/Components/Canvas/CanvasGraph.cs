using System.Text.Json;
using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Definitions;
using Orchestrator.Workflows.Descriptors;
using Orchestrator.Workflows.Validation;

namespace Orchestrator.Server.Components.Canvas;

/// <summary>The graph the canvas draws — the C# side of <c>Canvas/src/messages.ts</c> (serialised camelCase by the JS interop).</summary>
public sealed record CanvasGraph(bool ReadOnly, IReadOnlyList<CanvasActivity> Activities, IReadOnlyList<CanvasConnection> Connections,
    IReadOnlyList<string>? Select = null, bool Fit = false)
{
    /// <summary>The flowchart of <paramref name="definition"/>, each activity with the outcome ports its descriptor gives
    /// it and the validation <paramref name="errors"/> that name it. An activity whose type is not loaded (a plugin that
    /// is missing) still shows, with the ports its connections use. Editable graphs carry each activity's JSON (for copy).</summary>
    public static CanvasGraph From(WorkflowDefinition definition, IActivityRegistry registry, bool readOnly,
        IReadOnlyList<ValidationError>? errors = null, IReadOnlyList<string>? select = null, bool fit = false, RunOverlay? run = null)
    {
        var problems = (errors ?? []).Where(e => e.ActivityId is not null).ToLookup(e => e.ActivityId!, e => e.Message);
        var connections = definition.Root.Connections
            .Select(c => new CanvasConnection(c.Source.Activity, c.Source.Port ?? Ports.Done, c.Target.Activity,
                run?.Taken.Contains((c.Source.Activity, c.Source.Port ?? Ports.Done, c.Target.Activity)) == true ? true : null))
            .ToList();
        var activities = definition.Root.Activities.Select(node =>
        {
            var descriptor = registry.Find(node.Type)?.Descriptor;
            IReadOnlyList<string> ports = descriptor is null
                ? connections.Where(c => c.Source == node.Id).Select(c => c.SourcePort).Distinct().ToList()
                : ActivityPorts.Of(descriptor, node);
            return new CanvasActivity(node.Id, node.Type, node.Name, descriptor?.DisplayName ?? $"{node.Type} (not loaded)", descriptor?.Category, ports,
                node.Position is { } p ? new CanvasPoint(p.X, p.Y) : null,
                problems[node.Id].ToList(),
                readOnly ? null : JsonSerializer.Serialize(node, WorkflowJson.Options),
                run?.Statuses.GetValueOrDefault(node.Id));
        }).ToList();
        return new CanvasGraph(readOnly, activities, connections, select, fit);
    }
}

/// <summary>One activity on the canvas; <paramref name="Status"/> only in a run's view.</summary>
public sealed record CanvasActivity(string Id, string Type, string? Name, string? DisplayName, string? Category, IReadOnlyList<string> Ports,
    CanvasPoint? Position, IReadOnlyList<string> Errors, string? Json, CanvasStatus? Status = null);

/// <summary>Where an activity stands in a run: <c>pending</c> (not reached), <c>running</c>, <c>waiting</c> (with what for
/// in <paramref name="Detail"/>), <c>done</c> (with the <paramref name="Outcome"/> port it took), <c>failed</c> (the error
/// in <paramref name="Detail"/>), <c>cancelled</c> or <c>skipped</c>; <paramref name="Runs"/> counts its executions.</summary>
public sealed record CanvasStatus(string State, string? Outcome = null, string? Detail = null, int Runs = 0);

/// <summary>What a run adds to its flowchart: each activity's status and the connections it took.</summary>
public sealed record RunOverlay(IReadOnlyDictionary<string, CanvasStatus> Statuses, IReadOnlySet<(string Source, string Port, string Target)> Taken);

/// <summary>A stored position on the canvas.</summary>
public sealed record CanvasPoint(double X, double Y);

/// <summary>A connection from an activity's outcome port to another activity; <paramref name="Taken"/> in a run's view
/// when the run went along it; <paramref name="Change"/> in a comparison of two versions (<c>added</c>, <c>removed</c>).</summary>
public sealed record CanvasConnection(string Source, string SourcePort, string Target, bool? Taken = null, string? Change = null);
