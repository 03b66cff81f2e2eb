using System.Text.RegularExpressions;
using Orchestrator.Templating;
using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Activities.ControlFlow;
using Orchestrator.Workflows.Definitions;
using Orchestrator.Workflows.Descriptors;
using Orchestrator.Workflows.Graph;
using Orchestrator.Workflows.Runtime.Dispatch;

namespace Orchestrator.Workflows.Validation;

/// <summary>
/// Checks a definition before it is saved, published or run, and reports every problem at once, each naming the
/// activity and input at fault: unknown types, missing or ill-typed inputs, bad expressions (with position), dangling,
/// duplicate or unknown-port connections, a missing Start, unreachable activities and cycles that can never wait.
/// </summary>
public sealed partial class WorkflowValidator(IActivityRegistry registry, ScriptSandbox sandbox, ICronSchedules? cron = null)
{
    public ValidationResult Validate(WorkflowDefinition definition)
    {
        var errors = new List<ValidationError>();
        ValidateHeader(definition, errors);
        var variables = ValidateVariables(definition, errors);
        ValidateTriggers(definition, errors);
        if (definition.Root is null || definition.Root.Type != Flowchart.TypeName)
        {
            errors.Add(new ValidationError(null, "root", $"root must be a {Flowchart.TypeName}."));
            return new ValidationResult(errors);
        }

        ValidateActivities(definition.Root, variables, errors);
        ValidateConnections(definition.Root, errors);
        ValidateShape(definition.Root, errors);
        return new ValidationResult(errors);
    }

    /// <summary>The problems of one activity on its own (an action tried outside a workflow): first its retry policy
    /// and time-out (<c>input</c> is <c>retry.*</c> or <c>timeoutSeconds</c>), then its inputs — unknown, missing, of
    /// the wrong type, invalid expressions (<c>input</c> is the input's name).</summary>
    public (IReadOnlyList<ValidationError> Policies, IReadOnlyList<ValidationError> Inputs) ValidateActivity(ActivityNode node, ActivityDescriptor descriptor)
    {
        var policies = new List<ValidationError>();
        ValidatePolicies(node, policies);
        var inputs = new List<ValidationError>();
        ValidateInputs(node, descriptor, [], inputs);
        return (policies, inputs);
    }

    private static void ValidateHeader(WorkflowDefinition definition, List<ValidationError> errors)
    {
        if (!DefinitionIdPattern().IsMatch(definition.DefinitionId ?? string.Empty))
        {
            errors.Add(new ValidationError(null, "definitionId",
                $"definitionId '{definition.DefinitionId}' must be 1–100 characters of lowercase letters, digits, '-', '_' or '.', starting with a letter or digit."));
        }

        if (string.IsNullOrWhiteSpace(definition.Name))
        {
            errors.Add(new ValidationError(null, "name", "name is required."));
        }
        else if (definition.Name.Length > 200)
        {
            errors.Add(new ValidationError(null, "name", "name is longer than 200 characters."));
        }
    }

    private static HashSet<string> ValidateVariables(WorkflowDefinition definition, List<ValidationError> errors)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var variable in definition.Variables ?? [])
        {
            var name = variable.Name ?? string.Empty;
            if (!IdentifierPattern().IsMatch(name))
            {
                errors.Add(new ValidationError(null, "variables", $"Variable name '{name}' must be a letter or '_' followed by letters, digits or '_'."));
            }
            else if (!names.Add(name))
            {
                errors.Add(new ValidationError(null, "variables", $"Variable '{variable.Name}' is declared twice."));
            }

            if (!InputTypes.All.Contains(variable.Type))
            {
                errors.Add(new ValidationError(null, "variables", $"Variable '{variable.Name}' has unknown type '{variable.Type}': use one of {string.Join(", ", InputTypes.All)}."));
            }
        }

        return names;
    }

    private void ValidateTriggers(WorkflowDefinition definition, List<ValidationError> errors)
    {
        foreach (var trigger in definition.Triggers ?? [])
        {
            if (trigger is null || (string.IsNullOrWhiteSpace(trigger.Event) && string.IsNullOrWhiteSpace(trigger.Cron)))
            {
                errors.Add(new ValidationError(null, "triggers", "A trigger needs an event name or a cron schedule."));
                continue;
            }

            if (trigger.Event is not null && trigger.Cron is not null)
            {
                errors.Add(new ValidationError(null, "triggers", $"A trigger has either an event or a cron schedule, not both ('{trigger.Event}', '{trigger.Cron}')."));
            }

            if (trigger.Cron is { } schedule && cron?.Validate(schedule) is { } cronError)
            {
                errors.Add(new ValidationError(null, "triggers", $"The cron schedule '{schedule}' is not valid: {cronError}"));
            }

            if (trigger.Filter is { } filter)
            {
                errors.AddRange(sandbox.ValidateExpression(filter)
                    .Select(e => new ValidationError(null, "triggers", $"The filter of trigger '{trigger.Event}' is not a valid expression: {e}")));
            }
        }
    }

    private void ValidateActivities(Flowchart flowchart, HashSet<string> variables, List<ValidationError> errors)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in flowchart.Activities)
        {
            var id = node.Id ?? string.Empty;
            if (!IdentifierPattern().IsMatch(id))
            {
                errors.Add(new ValidationError(node.Id, null, $"Activity id '{id}' must be a letter or '_' followed by letters, digits or '_' (it is used as outputs.<id> in expressions)."));
            }
            else if (!ids.Add(id))
            {
                errors.Add(new ValidationError(node.Id, null, $"Two activities have the id '{node.Id}'."));
            }

            if (string.IsNullOrEmpty(node.Type))
            {
                errors.Add(new ValidationError(node.Id, null, "type is required."));
                continue;
            }

            var activity = registry.Find(node.Type);
            if (activity is null)
            {
                errors.Add(new ValidationError(node.Id, null, $"Unknown activity type '{node.Type}'. It is neither built in nor provided by a loaded plugin."));
                continue;
            }

            ValidateInputs(node, activity.Descriptor, variables, errors);
            ValidatePolicies(node, errors);
        }
    }

    private void ValidateInputs(ActivityNode node, ActivityDescriptor descriptor, HashSet<string> variables, List<ValidationError> errors)
    {
        var inputs = node.Inputs ?? new Dictionary<string, InputValue>();
        foreach (var name in inputs.Keys.Where(name => descriptor.Inputs.All(i => i.Name != name)))
        {
            var known = descriptor.Inputs.Count == 0 ? "it has no inputs" : $"its inputs are {string.Join(", ", descriptor.Inputs.Select(i => i.Name))}";
            errors.Add(new ValidationError(node.Id, name, $"{descriptor.Type} has no input '{name}'; {known}."));
        }

        foreach (var input in descriptor.Inputs)
        {
            if (!inputs.TryGetValue(input.Name, out var value) || value is null || (!value.IsExpression && value.Literal is null))
            {
                if (input.Required && input.Default is null)
                {
                    errors.Add(new ValidationError(node.Id, input.Name, $"{input.Name} is required."));
                }

                continue;
            }

            if (value.IsExpression)
            {
                errors.AddRange(sandbox.ValidateExpression(value.Expression!)
                    .Select(e => new ValidationError(node.Id, input.Name, $"Invalid expression at {e}")));
                continue;
            }

            if (input.UiHint == UiHints.Expression && value.Literal is not System.Text.Json.Nodes.JsonValue)
            {
                errors.Add(new ValidationError(node.Id, input.Name, $"{input.Name} must be an expression {{ \"expr\": \"…\" }} or a literal value."));
                continue;
            }

            if (LiteralTypes.Mismatch(input, value.Literal!) is { } mismatch)
            {
                errors.Add(new ValidationError(node.Id, input.Name, mismatch));
            }
        }

        ValidateSpecialInputs(node, descriptor, inputs, variables, errors);
    }

    private void ValidateSpecialInputs(ActivityNode node, ActivityDescriptor descriptor, IReadOnlyDictionary<string, InputValue> inputs, HashSet<string> variables, List<ValidationError> errors)
    {
        switch (descriptor.Type)
        {
            case SwitchActivity.TypeName when inputs.TryGetValue("cases", out var cases) && !cases.IsExpression && cases.Literal is not null:
                var (list, error) = SwitchCases.Read(cases.Literal);
                if (error is not null)
                {
                    errors.Add(new ValidationError(node.Id, "cases", error));
                    break;
                }

                foreach (var duplicate in list.GroupBy(c => c.Name).Where(g => g.Count() > 1))
                {
                    errors.Add(new ValidationError(node.Id, "cases", $"Two cases are named '{duplicate.Key}'."));
                }

                foreach (var reserved in list.Where(c => c.Name is Ports.Default or Ports.Failed))
                {
                    errors.Add(new ValidationError(node.Id, "cases", $"A case may not be named '{reserved.Name}': that port already means something else."));
                }

                foreach (var (name, condition) in list)
                {
                    errors.AddRange(sandbox.ValidateExpression(condition)
                        .Select(e => new ValidationError(node.Id, "cases", $"The condition of case '{name}' is not a valid expression: {e}")));
                }

                break;
            case ApprovalActivity.TypeName when inputs.TryGetValue("options", out var options) && !options.IsExpression && options.Literal is not null:
                var names = ApprovalActivity.OptionsOf(options.Literal);
                if (names.Any(string.IsNullOrWhiteSpace) || names.Distinct().Count() != names.Count || names.Contains(Ports.TimedOut) || names.Contains(Ports.Failed))
                {
                    errors.Add(new ValidationError(node.Id, "options", "options must be distinct, non-empty names other than TimedOut and Failed."));
                }

                break;
            case SetVariableActivity.TypeName when inputs.TryGetValue("name", out var variable) && variable.Literal?.GetValueKind() == System.Text.Json.JsonValueKind.String:
                var variableName = variable.Literal.GetValue<string>();
                if (!variables.Contains(variableName))
                {
                    errors.Add(new ValidationError(node.Id, "name", $"Variable '{variableName}' is not declared in the definition's variables."));
                }

                break;
        }
    }

    private static void ValidatePolicies(ActivityNode node, List<ValidationError> errors)
    {
        if (node.Retry is { } retry)
        {
            if (retry.MaxAttempts is < 1 or > RetryPolicy.MaxAttemptsLimit)
            {
                errors.Add(new ValidationError(node.Id, "retry.maxAttempts", retry.MaxAttempts == 0
                    ? $"retry.maxAttempts is required: the number of tries, 1–{RetryPolicy.MaxAttemptsLimit}."
                    : $"retry.maxAttempts must be 1–{RetryPolicy.MaxAttemptsLimit}; got {retry.MaxAttempts}."));
            }

            if (retry.BackoffSeconds < 0 || !double.IsFinite(retry.BackoffSeconds))
            {
                errors.Add(new ValidationError(node.Id, "retry.backoffSeconds", $"retry.backoffSeconds must be 0 or more; got {retry.BackoffSeconds}."));
            }
        }

        if (node.TimeoutSeconds is <= 0)
        {
            errors.Add(new ValidationError(node.Id, "timeoutSeconds", $"timeoutSeconds must be more than 0; got {node.TimeoutSeconds}."));
        }
    }

    private void ValidateConnections(Flowchart flowchart, List<ValidationError> errors)
    {
        var nodes = flowchart.Activities.Where(a => a?.Id is not null).GroupBy(a => a.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var seen = new HashSet<(string, string, string)>();
        foreach (var connection in flowchart.Connections)
        {
            if (connection?.Source is null || connection.Target is null)
            {
                errors.Add(new ValidationError(null, "connections", "A connection needs a source { activity, port } and a target { activity }."));
                continue;
            }

            var source = connection.Source?.Activity ?? string.Empty;
            var target = connection.Target?.Activity ?? string.Empty;
            var port = connection.Source?.Port ?? Ports.Done;
            if (!nodes.TryGetValue(source, out var sourceNode))
            {
                errors.Add(new ValidationError(null, "connections", $"Connection {source}.{port} → {target} starts at unknown activity '{source}'."));
                continue;
            }

            if (!nodes.ContainsKey(target))
            {
                errors.Add(new ValidationError(source, "connections", $"Connection {source}.{port} → {target} ends at unknown activity '{target}'."));
                continue;
            }

            var dynamicPorts = registry.Find(sourceNode.Type ?? string.Empty)?.Descriptor.OutcomesFromInput is { } portsInput
                && sourceNode.Inputs.TryGetValue(portsInput, out var portsValue) && portsValue.IsExpression;
            if (!dynamicPorts && registry.Find(sourceNode.Type ?? string.Empty) is { } activity)
            {
                var ports = ActivityPorts.Of(activity.Descriptor, sourceNode);
                if (!ports.Contains(port))
                {
                    errors.Add(new ValidationError(source, "connections", $"{sourceNode.Type} '{source}' has no port '{port}'; its ports are {string.Join(", ", ports)}."));
                }
            }

            if (!seen.Add((source, port, target)))
            {
                errors.Add(new ValidationError(source, "connections", $"Connection {source}.{port} → {target} is listed twice."));
            }
        }
    }

    private void ValidateShape(Flowchart flowchart, List<ValidationError> errors)
    {
        var starts = flowchart.Activities.Where(a => a.Type == StartActivity.TypeName).ToList();
        if (starts.Count == 0)
        {
            errors.Add(new ValidationError(null, "root", "The flowchart has no Start activity."));
            return;
        }

        if (starts.Count > 1)
        {
            errors.Add(new ValidationError(starts[1].Id, null, $"The flowchart has {starts.Count} Start activities ({string.Join(", ", starts.Select(s => s.Id))}); it needs exactly one."));
        }

        var graph = new FlowchartGraph(flowchart);
        var start = starts[0].Id;
        if (graph.Inbound(start).Count > 0)
        {
            errors.Add(new ValidationError(start, "connections", "Nothing may connect into Start."));
        }

        var reachable = graph.ReachableFrom(start);
        foreach (var node in flowchart.Activities.Where(a => a.Id != start && !reachable.Contains(a.Id)))
        {
            errors.Add(new ValidationError(node.Id, null, $"Activity '{node.Id}' cannot be reached from Start."));
        }

        bool CanWait(ActivityNode node) => registry.Find(node.Type ?? string.Empty)?.Descriptor is { } d && (d.CanSuspend || d.HasSideEffects);
        foreach (var cycle in graph.Cycles(ignore: CanWait))
        {
            errors.Add(new ValidationError(cycle[0], "connections",
                $"The loop {string.Join(" → ", cycle)} → {cycle[0]} never waits (no Delay, WaitForEvent, Approval, child workflow or action in it), so it would spin forever."));
        }
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9._-]{0,99}\z")]
    private static partial Regex DefinitionIdPattern();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]{0,99}\z")]
    private static partial Regex IdentifierPattern();
}
