using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Incidents;
using Orchestrator.Incidents.Timeline;
using Orchestrator.Infrastructure.Secrets;
using Orchestrator.Templating;
using Orchestrator.Templating.Templates;
using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Definitions;
using Orchestrator.Workflows.Descriptors;
using Orchestrator.Workflows.Runtime.Invocation;
using Orchestrator.Workflows.Validation;

namespace Orchestrator.Infrastructure.IncidentActivities;

/// <summary>
/// Renders a template for an audience and sends it through a channel — any action (e-mail, chat, paging): the rendered
/// words fill the channel's message inputs it was not given (<c>text</c>, <c>body</c>, <c>subject</c>, <c>title</c>,
/// <c>summary</c>, <c>message</c>, <c>description</c>) and the audience's address fills <c>to</c>. What was sent lands
/// on the incident's timeline. A channel that is not set up — its plugin not loaded, a required input or a secret
/// missing — is <b>skipped</b> with a timeline note saying what to configure: the run goes on (port <c>Skipped</c>),
/// and nothing is sent anywhere.
/// </summary>
internal sealed class NotifyActivity(IServiceScopeFactory scopes) : IActivity
{
    public const string TypeName = "Notify";
    public const string SkippedPort = "Skipped";

    private static readonly string[] Audiences = ["Caller", "Stakeholders", "Assignee", "OnCall"];

    public ActivityDescriptor Descriptor { get; } = new()
    {
        Type = TypeName,
        Category = IncidentActivity.CategoryName,
        DisplayName = "Notify",
        Description = "Renders a template for an audience and sends it through a channel action (e-mail, chat, paging); skipped with a timeline note when the channel is not configured.",
        Inputs =
        [
            new InputDescriptor("template", InputTypes.String, UiHints.Text, Required: true, Description: $"e.g. {string.Join(", ", ShippedTemplates.Names)}."),
            new InputDescriptor("audience", InputTypes.String, UiHints.Select, Required: true, Default: "Caller", Options: Audiences),
            new InputDescriptor("channel", InputTypes.String, UiHints.Text, Required: true, Description: "The action that sends it, e.g. paging.Email, chat.SlackWebhook, pagerduty.Trigger."),
            new InputDescriptor("channelInputs", InputTypes.Object, UiHints.Json, Description: "The channel's own inputs (addresses, secrets by name, channel); the message is filled in."),
            new InputDescriptor("model", InputTypes.Object, UiHints.Json, Description: "Extra values the template reads as model.<name>."),
        ],
        Outputs =
        [
            new OutputDescriptor("sent", InputTypes.Boolean),
            new OutputDescriptor("text", InputTypes.String, "The rendered message."),
            new OutputDescriptor("reason", InputTypes.String, "Skipped: what to configure."),
            new OutputDescriptor("channelOutputs", InputTypes.Object, "What the channel action returned."),
        ],
        Outcomes = [Ports.Done, SkippedPort],
        HasSideEffects = true,
    };

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var (template, audience, channel) = (context.Input("template") as string, context.Input("audience") as string ?? "Caller", context.Input("channel") as string);
        if (template is not { Length: > 0 } || channel is not { Length: > 0 })
        {
            return ActivityResult.Fault("template and channel are required.", null, permanent: true);
        }

        if (!Audiences.Contains(audience))
        {
            return ActivityResult.Fault($"audience '{audience}' is not one of {string.Join(", ", Audiences)}.", null, permanent: true);
        }

        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var model = ScriptValues.ToJson(context.Input("model")) as JsonObject ?? [];
        model["audience"] = audience;
        var (rendered, error) = await RenderTemplateActivity.RenderAsync(services, context, template, model);
        if (rendered is null)
        {
            return ActivityResult.Fault(error!, null, permanent: true);
        }

        var incident = Guid.TryParse(context.CorrelationId, out var id) ? await services.GetRequiredService<Incidents.Storage.IIncidentStore>().FindIncidentAsync(id, context.CancellationToken) : null;
        var action = services.GetRequiredService<IActivityRegistry>().Find(channel);
        var inputs = ScriptValues.ToJson(context.Input("channelInputs")) as JsonObject ?? [];
        var reason = action is null
            ? $"the channel {channel} is not loaded (is its plugin installed? see GET /api/plugins)"
            : await NotConfiguredAsync(services, action.Descriptor, Fill(action.Descriptor, inputs, rendered, audience, incident), context.CancellationToken);
        if (reason is not null)
        {
            await NoteAsync(services, context, incident, $"Notification to the {Audience(audience)} ({template}) skipped: {reason}.",
                new Dictionary<string, string?> { ["template"] = template, ["audience"] = audience, ["channel"] = channel, ["skipped"] = reason, ["text"] = rendered.Text });
            return ActivityResult.Outcome(SkippedPort, new Dictionary<string, object?> { ["sent"] = false, ["text"] = rendered.Text, ["reason"] = reason, ["channelOutputs"] = null });
        }

        var node = new ActivityNode
        {
            Id = context.Node.Id,
            Type = channel,
            Inputs = inputs.ToDictionary(p => p.Key, p => InputValue.Of(p.Value?.DeepClone()), StringComparer.Ordinal),
            TimeoutSeconds = context.Node.TimeoutSeconds,
        };
        var result = await services.GetRequiredService<ActivityInvoker>().InvokeAsync(new ActivityInvocation
        {
            Activity = action!,
            Node = node,
            Scope = ExpressionScope.Fixed(services.GetRequiredService<ScriptSandbox>(), new Dictionary<string, object?>()),
            Variables = new Dictionary<string, object?>(),
            Run = new RunIdentity(context.InstanceId, context.DefinitionId, context.DefinitionVersion, context.CorrelationId),
            Attempt = context.Attempt,
            Logger = context.Logger,
        }, context.CancellationToken);
        if (result.Error is { } failed)
        {
            await NoteAsync(services, context, incident, $"Notification to the {Audience(audience)} ({template}) through {channel} failed: {failed}",
                new Dictionary<string, string?> { ["template"] = template, ["audience"] = audience, ["channel"] = channel, ["error"] = failed });
            return ActivityResult.Fault($"{channel}: {failed}", result.Outputs, result.IsPermanent);
        }

        await NoteAsync(services, context, incident, $"Notified the {Audience(audience)} through {channel} ({template})",
            new Dictionary<string, string?> { ["template"] = template, ["audience"] = audience, ["channel"] = channel, ["text"] = rendered.Text });
        return ActivityResult.Done(new Dictionary<string, object?>
        {
            ["sent"] = true, ["text"] = rendered.Text, ["reason"] = null, ["channelOutputs"] = result.Outputs.ToDictionary(o => o.Key, o => o.Value),
        });
    }

    /// <summary>The channel's inputs with the message and recipient filled in where the workflow did not give them.</summary>
    private static JsonObject Fill(ActivityDescriptor channel, JsonObject inputs, RenderedTemplate rendered, string audience, Incident? incident)
    {
        var lines = rendered.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var title = (lines.FirstOrDefault() ?? incident?.Title ?? "Incident update").TrimStart('#', ' ');
        var names = channel.Inputs.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        void Put(string name, JsonNode? value)
        {
            if (names.Contains(name) && !inputs.ContainsKey(name) && value is not null)
            {
                inputs[name] = value;
            }
        }

        Put("text", rendered.Text);
        Put("body", rendered.Text);
        Put("description", rendered.Text);
        Put("subject", title);
        Put("title", title);
        Put("summary", title.Length > 1024 ? title[..1024] : title);
        Put("message", title.Length > 130 ? title[..130] : title);
        Put("source", incident?.Service ?? incident?.Number);
        Put("to", audience switch
        {
            "Caller" => incident?.Caller is { } caller && caller.Contains('@') ? caller : null,
            "Assignee" => incident?.Assignee is { } assignee && assignee.Contains('@') ? assignee : null,
            _ => null,
        });
        return inputs;
    }

    /// <summary>Why the channel cannot send: a required input or a stored secret missing; null when it can.</summary>
    private static async Task<string?> NotConfiguredAsync(IServiceProvider services, ActivityDescriptor channel, JsonObject inputs, CancellationToken cancellationToken)
    {
        var missing = channel.Inputs.Where(i => i.Required && i.Default is null && (!inputs.TryGetPropertyValue(i.Name, out var v) || v is null || v.ToString().Length == 0))
            .Select(i => i.Name).ToList();
        if (missing.Count > 0)
        {
            return $"{channel.Type} needs {string.Join(", ", missing)} — set {(missing.Count == 1 ? "it" : "them")} in channelInputs (a secret input takes a secret's name, see /api/secrets)";
        }

        var secrets = services.GetRequiredService<SecretStore>();
        foreach (var input in channel.Inputs.Where(i => i.UiHint == UiHints.Secret))
        {
            if (inputs[input.Name]?.ToString() is { Length: > 0 } name && await secrets.FindAsync(name, cancellationToken) is null)
            {
                return $"the secret '{name}' ({channel.Type} input {input.Name}) does not exist — create it with PUT /api/secrets/{name}";
            }
        }

        var node = new ActivityNode { Id = "notify", Type = channel.Type, Inputs = inputs.ToDictionary(p => p.Key, p => InputValue.Of(p.Value?.DeepClone()), StringComparer.Ordinal) };
        var (_, errors) = services.GetRequiredService<WorkflowValidator>().ValidateActivity(node, channel);
        return errors is [var first, ..] ? $"{channel.Type}: {first.Message}" : null;
    }

    private static async Task NoteAsync(IServiceProvider services, ActivityContext context, Incident? incident, string summary, IReadOnlyDictionary<string, string?> data)
    {
        if (incident is not null)
        {
            await services.GetRequiredService<IncidentService>().NoteWorkflowAsync(incident.Id, WorkflowActor.Of(context.DefinitionId, context.InstanceId),
                summary, data, context.CancellationToken);
        }
    }

    private static string Audience(string audience) => audience switch
    {
        "OnCall" => "on-call",
        _ => audience.ToLowerInvariant(),
    };
}
