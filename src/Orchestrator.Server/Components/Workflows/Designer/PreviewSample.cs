using System.Text.Json.Nodes;
using Orchestrator.Workflows.Activities.ControlFlow;
using Orchestrator.Workflows.Definitions;
using Orchestrator.Workflows.Runtime.Instances;
using Orchestrator.Workflows.Runtime.Turns;

namespace Orchestrator.Server.Components.Workflows.Designer;

/// <summary>
/// The data the expression preview evaluates against, as chosen in the designer: a past run of this workflow (the
/// newest by default) or a sample input typed in — and over either, the outputs of steps tried on their own
/// (<i>Test this step</i>), so a later step's expression previews against what the tried step really returned.
/// </summary>
public sealed record PreviewSample(WorkflowInstance? Run, JsonObject? Input, IReadOnlyDictionary<string, JsonObject> Tried)
{
    private static readonly IReadOnlyDictionary<string, JsonObject> NoneTried = new Dictionary<string, JsonObject>();

    /// <summary>A past run's data (null: no run yet, so an empty input and the variables' defaults).</summary>
    public static PreviewSample OfRun(WorkflowInstance? run) => new(run, null, NoneTried);

    /// <summary>A sample input as typed, with the variables' defaults.</summary>
    public static PreviewSample OfInput(JsonObject input) => new(null, input, NoneTried);

    /// <summary>The same sample with <paramref name="activityId"/>'s outputs as a try returned them (null forgets them).</summary>
    public PreviewSample WithTried(string activityId, JsonObject? outputs)
    {
        var tried = new Dictionary<string, JsonObject>(Tried, StringComparer.Ordinal);
        if (outputs is null)
        {
            tried.Remove(activityId);
        }
        else
        {
            tried[activityId] = outputs;
        }

        return this with { Tried = tried };
    }

    /// <summary>The same choice of run or input without the tried outputs.</summary>
    public PreviewSample WithoutTried() => this with { Tried = NoneTried };

    /// <summary>Where the preview's data comes from, in words.</summary>
    public string Describe()
    {
        var basis = (Run, Input) switch
        {
            ({ } run, _) => $"run {run.Id} (v{run.DefinitionVersion}, {run.Status})",
            (null, { } input) => $"the sample input {input.ToJsonString()}",
            _ => "no run of this workflow yet: an empty input and the variables' defaults",
        };
        return Tried.Count == 0 ? basis : $"{basis}, with the tried outputs of {string.Join(", ", Tried.Keys)}";
    }

    /// <summary>A run-shaped copy to evaluate against (the chosen run itself is never changed).</summary>
    public WorkflowInstance ToInstance(WorkflowDefinition definition, DateTimeOffset now)
    {
        var basis = Run ?? Synthetic(definition, Input ?? [], now);
        var sample = new WorkflowInstance
        {
            Id = basis.Id,
            DefinitionId = basis.DefinitionId,
            DefinitionVersion = basis.DefinitionVersion,
            CorrelationId = basis.CorrelationId,
            Status = basis.Status,
            Input = basis.Input,
            Variables = new Dictionary<string, object?>(basis.Variables, StringComparer.Ordinal),
            Outputs = new Dictionary<string, JsonObject>(basis.Outputs, StringComparer.Ordinal),
        };
        foreach (var (activityId, outputs) in Tried)
        {
            sample.Outputs[activityId] = outputs;
        }

        return sample;
    }

    private static WorkflowInstance Synthetic(WorkflowDefinition definition, JsonObject input, DateTimeOffset now) =>
        definition.Root.Activities.Any(a => a.Type == StartActivity.TypeName)
            ? WorkflowInterpreter.NewInstance(definition, "preview", (JsonObject)input.DeepClone(), null, now)
            : new WorkflowInstance { Id = "preview", DefinitionId = definition.DefinitionId, DefinitionVersion = definition.Version, Input = (JsonObject)input.DeepClone() };
}
