using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Incidents;
using Orchestrator.Incidents.Timeline;
using Orchestrator.Infrastructure.Templates;
using Orchestrator.Templating;
using Orchestrator.Templating.Templates;
using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Descriptors;

namespace Orchestrator.Infrastructure.IncidentActivities;

/// <summary>
/// Renders a template over the run's incident (its timeline, SLA, runs, problem and alerts) and the optional
/// <c>model</c>; outputs <c>text</c> (Markdown) and <c>html</c>. A template that fails or hits a sandbox limit fails the
/// step with its line and column and notes it on the incident's timeline; nothing is sent and the incident is untouched.
/// A run without an incident renders over <c>model</c> alone (with a sample incident, as a preview does).
/// </summary>
internal sealed class RenderTemplateActivity(IServiceScopeFactory scopes) : IActivity
{
    public const string TypeName = "RenderTemplate";

    public ActivityDescriptor Descriptor { get; } = new()
    {
        Type = TypeName,
        Category = IncidentActivity.CategoryName,
        DisplayName = "Render template",
        Description = "Renders a template (see /templates) over the run's incident and the model given; outputs text (Markdown) and html.",
        Inputs =
        [
            new InputDescriptor("template", InputTypes.String, UiHints.Text, Required: true, Description: $"A template name, e.g. {string.Join(", ", ShippedTemplates.Names)}."),
            new InputDescriptor("model", InputTypes.Object, UiHints.Json, Description: "Extra values the template reads as model.<name>."),
        ],
        Outputs =
        [
            new OutputDescriptor("text", InputTypes.String, "The rendered Markdown."),
            new OutputDescriptor("html", InputTypes.String, "The same as HTML."),
        ],
        HasSideEffects = true,
    };

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (context.Input("template") is not string { Length: > 0 } name)
        {
            return ActivityResult.Fault("template is required: the name of a template.", null, permanent: true);
        }

        await using var scope = scopes.CreateAsyncScope();
        var rendered = await RenderAsync(scope.ServiceProvider, context, name, context.Input("model"));
        return rendered.Error is { } error
            ? ActivityResult.Fault(error, null, permanent: true)
            : ActivityResult.Done(new Dictionary<string, object?> { ["text"] = rendered.Output!.Text, ["html"] = rendered.Output.Html });
    }

    /// <summary>Renders <paramref name="name"/> for the run's incident; a failure is noted on the incident's timeline.
    /// Shared with Notify, which renders the same way before it sends.</summary>
    internal static async Task<(RenderedTemplate? Output, string? Error)> RenderAsync(IServiceProvider services, ActivityContext context, string name, object? model)
    {
        var library = services.GetRequiredService<TemplateLibrary>();
        var models = services.GetRequiredService<IncidentTemplateModel>();
        var extra = ScriptValues.ToJson(model) as JsonObject;
        Guid.TryParse(context.CorrelationId, out var incidentId);
        var hasIncident = incidentId != Guid.Empty && await services.GetRequiredService<Orchestrator.Incidents.Storage.IIncidentStore>()
            .FindIncidentAsync(incidentId, context.CancellationToken) is not null;
        try
        {
            var values = hasIncident ? await models.ForIncidentAsync(incidentId, extra, context.CancellationToken) : models.Sample(extra);
            return (await library.RenderAsync(name, values, context.CancellationToken), null);
        }
        catch (Exception e) when (e is TemplateNotFoundException or InvalidTemplateException)
        {
            var error = e is TemplateNotFoundException ? $"No template '{name}' (see GET /api/templates)." : $"Template '{name}': {e.Message}";
            if (hasIncident)
            {
                await services.GetRequiredService<IncidentService>().NoteWorkflowAsync(incidentId, WorkflowActor.Of(context.DefinitionId, context.InstanceId),
                    $"{error} Nothing was sent.", new Dictionary<string, string?> { ["template"] = name, ["activityId"] = context.Node.Id, ["error"] = error },
                    context.CancellationToken);
            }

            return (null, error);
        }
    }
}
