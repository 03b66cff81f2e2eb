using System.Reflection;
using System.Text.Json.Nodes;
using Orchestrator.Sdk;
using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Descriptors;

namespace Orchestrator.Infrastructure.Plugins;

/// <summary>
/// A plugin's <see cref="IAction"/> as a workflow activity <c>&lt;pluginId&gt;.&lt;Name&gt;</c>. It has side effects, so the
/// runtime runs it off the instance's turn with an idempotency key; a new action object serves each execution.
/// </summary>
internal sealed class PluginActionActivity : IActivity
{
    private readonly Type _actionType;
    private readonly Func<string, HttpClient> _httpClients;
    private readonly Func<string, CancellationToken, ValueTask<string?>> _secrets;

    public PluginActionActivity(string pluginId, Type actionType, Func<string, HttpClient> httpClients, Func<string, CancellationToken, ValueTask<string?>> secrets)
    {
        _actionType = actionType;
        _httpClients = httpClients;
        _secrets = secrets;
        var action = actionType.GetCustomAttribute<ActionAttribute>()!;
        Descriptor = new ActivityDescriptor
        {
            Type = $"{pluginId}.{action.Name}",
            Category = action.Category,
            DisplayName = action.DisplayName ?? action.Name,
            Description = action.Description,
            Inputs = actionType.GetCustomAttributes<InputAttribute>().Select(ToDescriptor).ToList(),
            Outputs = actionType.GetCustomAttributes<OutputAttribute>().Select(o => new OutputDescriptor(o.Name, InputTypes.Any, o.Description)).ToList(),
            Outcomes = [Outcomes.Done, Outcomes.Failed, .. actionType.GetCustomAttributes<OutcomeAttribute>().Select(o => o.Name).Where(o => o is not (Outcomes.Done or Outcomes.Failed))],
            HasSideEffects = true,
        };
    }

    public ActivityDescriptor Descriptor { get; }

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var action = (IAction)Activator.CreateInstance(_actionType)!;
        var result = await action.ExecuteAsync(new ActionContext
        {
            Inputs = context.Inputs,
            Variables = new Dictionary<string, object?>(context.Variables),
            IdempotencyKey = context.IdempotencyKey,
            Logger = context.Logger,
            HttpClientFactory = _httpClients,
            SecretReader = _secrets,
        }, context.CancellationToken);
        return result.Error is { } error
            ? ActivityResult.Fault(error, result.Outputs, result.IsPermanent)
            : ActivityResult.Outcome(result.Outcome, result.Outputs);
    }

    private static InputDescriptor ToDescriptor(InputAttribute input)
    {
        var (type, hint) = input.Kind switch
        {
            InputKind.Multiline => (InputTypes.String, UiHints.Multiline),
            InputKind.Number => (InputTypes.Number, UiHints.Number),
            InputKind.Boolean => (InputTypes.Boolean, UiHints.Boolean),
            InputKind.Select => (InputTypes.String, UiHints.Select),
            InputKind.Secret => (InputTypes.String, UiHints.Secret),
            InputKind.Json => (InputTypes.Any, UiHints.Json),
            _ => (InputTypes.String, UiHints.Text),
        };
        return new InputDescriptor(input.Name, type, hint, input.Required,
            input.DefaultJson is null ? null : JsonNode.Parse(input.DefaultJson), input.Options, input.Description);
    }
}
