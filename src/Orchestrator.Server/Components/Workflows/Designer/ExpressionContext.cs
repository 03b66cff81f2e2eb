using System.Text.Json.Nodes;
using Orchestrator.Templating;
using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Definitions;
using Orchestrator.Workflows.Runtime;
using Orchestrator.Workflows.Runtime.Events;
using Orchestrator.Workflows.Runtime.Instances;
using Orchestrator.Workflows.Runtime.Invocation;

namespace Orchestrator.Server.Components.Workflows.Designer;

/// <summary>
/// What the expression editor knows while a definition is designed: the names it completes (the scope's roots,
/// declared variables, activity ids and each one's outputs, the sample's input fields) and the live preview — an
/// expression evaluated against the chosen <see cref="PreviewSample"/> (a past run, as n8n shows a node's last data,
/// or a sample input typed in, with the outputs of tried steps over it).
/// </summary>
public sealed class ExpressionContext(ScriptSandbox sandbox, RuntimeOptions runtime, WorkflowInstance sample, string sampleSource, ExpressionCompletions completions)
{
    /// <summary>Where the preview's data comes from, in words ("run 01a2… (Finished)", "no run yet: input {}").</summary>
    public string SampleSource { get; } = sampleSource;

    public ExpressionCompletions Completions { get; } = completions;

    public static ExpressionContext For(WorkflowDefinition definition, IActivityRegistry registry, ScriptSandbox sandbox, RuntimeOptions runtime,
        PreviewSample chosen, DateTimeOffset now)
    {
        var sample = chosen.ToInstance(definition, now);
        return new ExpressionContext(sandbox, runtime, sample, chosen.Describe(), ExpressionCompletions.For(definition, registry, sample, runtime.PromotedInputs));
    }

    /// <summary>The value of <paramref name="expression"/> against the sample, as JSON, or why it has none.</summary>
    public (string? Value, string? Error) Preview(string expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            return (null, null);
        }

        var (value, error) = Evaluate(expression);
        return error is null ? (value?.ToJsonString() ?? "null", null) : (null, error);
    }

    /// <summary>The names a trigger filter completes: <c>event</c>, <c>input</c> (the payload), <c>correlation</c> and
    /// the promoted payload properties, with the sample input's fields.</summary>
    public ExpressionCompletions FilterCompletions { get; } = ExpressionCompletions.ForTrigger(sample, runtime.PromotedInputs);

    /// <summary>What <paramref name="filter"/> says of an event <paramref name="eventName"/> whose payload is the sample's
    /// input — true starts a run — or why it fails (a failing filter starts nothing).</summary>
    public (string? Value, string? Error) PreviewFilter(string? eventName, string filter)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return (null, null);
        }

        try
        {
            using var time = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            var scope = TriggerScope.For(eventName ?? string.Empty, sample.CorrelationId, sample.Input, runtime.PromotedInputs);
            var value = sandbox.Evaluate(filter, scope, time.Token);
            var json = ScriptValues.ToJson(value)?.ToJsonString() ?? "null";
            return ($"{json} → {(value is true ? "starts a run" : "starts nothing")}", null);
        }
        catch (Exception e) when (e is ScriptException or ArgumentException or OperationCanceledException)
        {
            return (null, e.Message);
        }
    }

    /// <summary>The value of <paramref name="expression"/> against the sample as a JSON value (what a step would be
    /// given), or the error it fails with.</summary>
    public (JsonNode? Value, string? Error) Evaluate(string expression)
    {
        try
        {
            using var time = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            var scope = new ExpressionScope(sandbox, sample, ExpressionScope.Promoted(sample.Input, runtime.PromotedInputs));
            return (ScriptValues.ToJson(scope.Evaluate(expression, time.Token)), null);
        }
        catch (Exception e) when (e is ScriptException or ArgumentException or OperationCanceledException)
        {
            return (null, e.Message);
        }
    }
}

/// <summary>The names the expression editor offers — the C# side of <c>Canvas/src/completions.ts</c>.</summary>
public sealed record ExpressionCompletions(IReadOnlyList<CompletionItem> Roots, IReadOnlyDictionary<string, IReadOnlyList<CompletionItem>> Members)
{
    public static ExpressionCompletions For(WorkflowDefinition definition, IActivityRegistry registry, WorkflowInstance sample, IReadOnlyList<string> promoted)
    {
        var members = new Dictionary<string, IReadOnlyList<CompletionItem>>(StringComparer.Ordinal)
        {
            ["variables"] = definition.Variables.Select(v => new CompletionItem(v.Name, v.Type)).ToList(),
            ["outputs"] = definition.Root.Activities.Select(a => new CompletionItem(a.Id, a.Name ?? registry.Find(a.Type)?.Descriptor.DisplayName ?? a.Type)).ToList(),
            ["workflow"] = [new("instanceId", "String"), new("definitionId", "String"), new("version", "Number")],
            ["input"] = Fields(sample.Input),
        };
        foreach (var node in definition.Root.Activities)
        {
            var outputs = registry.Find(node.Type)?.Descriptor.Outputs.Select(o => new CompletionItem(o.Name, o.Type)).ToList() ?? [];
            outputs.Add(new CompletionItem("error", "String, on Failed"));
            members[$"outputs.{node.Id}"] = outputs;
        }

        var roots = new List<CompletionItem>
        {
            new("input", "the run's input"), new("variables", "the workflow's variables"), new("outputs", "each activity's outputs"),
            new("workflow", "instanceId, definitionId, version"), new("correlation", "the run's correlation id"),
        };
        foreach (var name in promoted)
        {
            roots.Add(new CompletionItem(name, name == "incident" ? "the run's incident, live" : $"input.{name}, when the run has one"));
            members[name] = FieldsOf(name, sample);
        }

        return new ExpressionCompletions(roots, members);
    }

    /// <summary>What a trigger filter sees (see <see cref="TriggerScope"/>): no variables or outputs — no run exists yet.</summary>
    public static ExpressionCompletions ForTrigger(WorkflowInstance sample, IReadOnlyList<string> promoted)
    {
        var members = new Dictionary<string, IReadOnlyList<CompletionItem>>(StringComparer.Ordinal)
        {
            ["event"] = [new("name", "String"), new("correlationId", "String"), new("payload", "the event's payload")],
            ["input"] = Fields(sample.Input),
            ["event.payload"] = Fields(sample.Input),
        };
        var roots = new List<CompletionItem>
        {
            new("input", "the event's payload (the run's input)"), new("event", "name, correlationId, payload"), new("correlation", "the event's correlation id"),
        };
        foreach (var name in promoted)
        {
            roots.Add(new CompletionItem(name, $"input.{name}, when the payload has one"));
            members[name] = FieldsOf(name, sample);
        }

        return new ExpressionCompletions(roots, members);
    }

    /// <summary>The fields of a promoted name in the sample; for <c>incident</c> without a sample, those every incident has.</summary>
    private static List<CompletionItem> FieldsOf(string name, WorkflowInstance sample) =>
        sample.Input[name] is JsonObject value ? Fields(value)
        : name == "incident" ? Fields(Orchestrator.Incidents.IncidentSnapshot.Example)
        : [];

    private static List<CompletionItem> Fields(JsonObject? value) =>
        value?.Select(p => new CompletionItem(p.Key, p.Value?.GetValueKind().ToString())).ToList() ?? [];
}

/// <summary>One name the editor offers, with a word beside it.</summary>
public sealed record CompletionItem(string Label, string? Detail);
