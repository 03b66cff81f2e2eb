using System.Diagnostics;
using System.Text.Json.Nodes;
using Orchestrator.Incidents.Errors;
using Orchestrator.Infrastructure.Secrets;
using Orchestrator.Templating;
using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Definitions;
using Orchestrator.Workflows.Descriptors;
using Orchestrator.Workflows.Validation;
using Orchestrator.Workflows.Runtime.Invocation;

namespace Orchestrator.Infrastructure.Actions;

/// <summary>
/// Runs one action outside any workflow, as <c>st2 run</c> does: the inputs are validated as a definition's would be,
/// and the action runs through the same <see cref="ActivityInvoker"/> (time-out, error texts, output limit) and the same
/// HTTP clients as in a run. Nothing is stored; what the action logged comes back with its result.
/// </summary>
public sealed class ActionTrial(IActivityRegistry registry, WorkflowValidator validator, ActivityInvoker invoker, ScriptSandbox sandbox, SecretStore secrets, TimeProvider clock)
{
    /// <summary>The result of a try: <c>Failed</c> with <see cref="Error"/> when the action failed.</summary>
    public sealed record Result(string Outcome, JsonObject? Outputs, string? Error, bool? Permanent, IReadOnlyList<TrialLog.Entry> Logs, long DurationMs);

    /// <summary>Tries the action <paramref name="type"/>. Throws <see cref="NotFoundException"/> for an unknown type and
    /// <see cref="InvalidFieldException"/> naming the input at fault (<c>inputs.&lt;name&gt;</c> or <c>secrets.&lt;name&gt;</c>).</summary>
    public async Task<Result> TryAsync(string type, JsonObject? inputs, JsonObject? secretNames, int? timeoutSeconds, CancellationToken cancellationToken)
    {
        var activity = registry.Find(type) ?? throw new NotFoundException("activity type", type, "name");
        if (!activity.Descriptor.HasSideEffects)
        {
            throw new InvalidFieldException("type", $"{type} is a built-in control-flow activity; only actions (activities with side effects, from plugins) can be tried on their own.");
        }

        var values = await WithSecretsAsync(activity.Descriptor, inputs ?? [], secretNames ?? [], cancellationToken);
        var node = new ActivityNode
        {
            Id = "try",
            Type = type,
            Inputs = values.ToDictionary(p => p.Key, p => InputValue.Of(p.Value), StringComparer.Ordinal),
            TimeoutSeconds = timeoutSeconds,
        };
        var (policies, inputErrors) = validator.ValidateActivity(node, activity.Descriptor);
        if (policies is [var policy, ..])
        {
            throw new InvalidFieldException(policy.Input ?? "timeoutSeconds", policy.Message);
        }

        if (inputErrors is [var first, ..])
        {
            throw new InvalidFieldException(first.Input is { } input ? $"inputs.{input}" : "inputs", first.Message);
        }

        var log = new TrialLog(clock);
        var started = Stopwatch.GetTimestamp();
        var result = await invoker.InvokeAsync(new ActivityInvocation
        {
            Activity = activity,
            Node = node,
            Scope = ExpressionScope.Fixed(sandbox, new Dictionary<string, object?>()),
            Variables = new Dictionary<string, object?>(),
            Run = new RunIdentity($"try-{Guid.CreateVersion7():N}", "try", 0, null),
            Logger = log,
        }, cancellationToken);
        var duration = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var outputs = result.Outputs.Count == 0 ? null : ScriptValues.ToJson(result.Outputs) as JsonObject;
        return result.Error is { } error
            ? new Result(Ports.Failed, outputs, error, result.IsPermanent, log.Entries, duration)
            : new Result(result.Outcomes.FirstOrDefault() ?? Ports.Done, outputs, null, null, log.Entries, duration);
    }

    /// <summary>The inputs with each named secret put in its input: <c>secrets: { routingKeySecret: "pagerduty" }</c>
    /// gives the Secret input <c>routingKeySecret</c> the stored secret <c>pagerduty</c>.</summary>
    private async Task<JsonObject> WithSecretsAsync(ActivityDescriptor descriptor, JsonObject inputs, JsonObject secretNames, CancellationToken cancellationToken)
    {
        var values = (JsonObject)inputs.DeepClone();
        foreach (var (input, secret) in secretNames)
        {
            var field = $"secrets.{input}";
            if (descriptor.Inputs.FirstOrDefault(i => i.Name == input) is not { } declared)
            {
                throw new InvalidFieldException(field, $"{descriptor.Type} has no input '{input}'.");
            }

            if (declared.UiHint != UiHints.Secret)
            {
                throw new InvalidFieldException(field, $"Input '{input}' of {descriptor.Type} is not a secret input; give its value in inputs.");
            }

            if (secret is not JsonValue value || !value.TryGetValue<string>(out var name) || name.Length == 0)
            {
                throw new InvalidFieldException(field, $"{field} must be the name of a stored secret.");
            }

            if (await secrets.FindAsync(name, cancellationToken) is null)
            {
                throw new InvalidFieldException(field, $"No secret named '{name}' (see GET /api/secrets).");
            }

            values[input] = name;
        }

        return values;
    }
}
