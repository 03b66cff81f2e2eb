using System.Text.Json.Nodes;
using Orchestrator.Templating;
using Orchestrator.Workflows.Definitions;
using Orchestrator.Workflows.Descriptors;
using Orchestrator.Workflows.Runtime.Instances;

namespace Orchestrator.Workflows.Runtime.Invocation;

/// <summary>
/// What expressions see: <c>input</c>, <c>variables</c>, <c>outputs.&lt;activityId&gt;</c>, <c>correlation</c> and
/// <c>workflow</c> (instance id, definition id, version), plus whatever a host adds (e.g. <c>incident</c>).
/// </summary>
public sealed class ExpressionScope
{
    private readonly ScriptSandbox _sandbox;
    private readonly WorkflowInstance? _instance;
    private readonly IReadOnlyDictionary<string, object?>? _extra;
    private readonly IReadOnlyDictionary<string, object?>? _fixed;

    /// <summary>The live scope of a run on its turn: what expressions see changes as the turn changes the instance.</summary>
    public ExpressionScope(ScriptSandbox sandbox, WorkflowInstance instance, IReadOnlyDictionary<string, object?>? extra = null)
    {
        _sandbox = sandbox;
        _instance = instance;
        _extra = extra;
    }

    private ExpressionScope(ScriptSandbox sandbox, IReadOnlyDictionary<string, object?> globals)
    {
        _sandbox = sandbox;
        _fixed = globals;
    }

    /// <summary>A scope that always sees <paramref name="globals"/> (an action off the turn, an action tried on its own).</summary>
    public static ExpressionScope Fixed(ScriptSandbox sandbox, IReadOnlyDictionary<string, object?> globals) => new(sandbox, globals);

    /// <summary>This scope as it is now, fixed: what an action started now sees when it runs later.</summary>
    public ExpressionScope Snapshot() => new(_sandbox, Globals());

    public IReadOnlyDictionary<string, object?> Globals()
    {
        if (_fixed is not null)
        {
            return _fixed;
        }

        var instance = _instance!;
        var globals = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["input"] = instance.Input,
            ["variables"] = new Dictionary<string, object?>(instance.Variables, StringComparer.Ordinal),
            ["outputs"] = instance.Outputs.ToDictionary(o => o.Key, o => (object?)o.Value, StringComparer.Ordinal),
            ["correlation"] = instance.CorrelationId,
            ["workflow"] = new Dictionary<string, object?>
            {
                ["instanceId"] = instance.Id,
                ["definitionId"] = instance.DefinitionId,
                ["version"] = (long)instance.DefinitionVersion,
            },
        };
        foreach (var (name, value) in _extra ?? new Dictionary<string, object?>())
        {
            globals[name] = value;
        }

        return globals;
    }

    /// <summary>The promoted input properties (see <see cref="RuntimeOptions.PromotedInputs"/>) present in
    /// <paramref name="input"/>, by name; null when there are none.</summary>
    public static IReadOnlyDictionary<string, object?>? Promoted(JsonNode? input, IReadOnlyList<string> names)
    {
        Dictionary<string, object?>? promoted = null;
        foreach (var name in names)
        {
            if (input is JsonObject obj && obj.TryGetPropertyValue(name, out var value) && value is not null)
            {
                (promoted ??= new Dictionary<string, object?>(StringComparer.Ordinal))[name] = value;
            }
        }

        return promoted;
    }

    public object? Evaluate(string expression, CancellationToken cancellationToken = default) =>
        _sandbox.Evaluate(expression, Globals(), cancellationToken);

    /// <summary>Evaluates a node's inputs: expressions through the sandbox, literals as given, defaults where absent.
    /// A failing expression throws <see cref="InputEvaluationException"/> naming the input.</summary>
    public IReadOnlyDictionary<string, object?> EvaluateInputs(ActivityNode node, ActivityDescriptor descriptor, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        IReadOnlyDictionary<string, object?>? globals = null;
        foreach (var input in descriptor.Inputs)
        {
            if (node.Inputs.TryGetValue(input.Name, out var value) && value is { IsExpression: true })
            {
                try
                {
                    values[input.Name] = _sandbox.Evaluate(value.Expression!, globals ??= Globals(), cancellationToken);
                }
                catch (ScriptException e)
                {
                    throw new InputEvaluationException(input.Name, $"The expression of input '{input.Name}' failed at {e.Error}");
                }
            }
            else
            {
                values[input.Name] = Plain(value?.Literal ?? input.Default);
            }
        }

        return values;
    }

    private static object? Plain(JsonNode? node) => node is null ? null : ScriptValues.FromScript(ScriptValues.ToScript(node));
}
