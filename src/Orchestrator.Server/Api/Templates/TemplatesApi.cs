using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Orchestrator.Incidents;
using Orchestrator.Infrastructure.Templates;
using Orchestrator.Server.Api.Errors;
using Orchestrator.Templating.Templates;

namespace Orchestrator.Server.Api.Templates;

/// <summary>The template routes (CONTRACT.md "Plugins, templates, intake" and "Templates and reports"): list, read,
/// save (a syntax error is a 400 with line and column), reset to the shipped file, preview, and an incident's reports.</summary>
public static class TemplatesApi
{
    public static IEndpointRouteBuilder MapTemplatesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/templates").WithTags("Templates");
        api.MapGet("/", List).WithSummary("Every template: shipped, overridden or custom");
        api.MapGet("/{name}", Get).WithSummary("One template with its content (and the shipped text when overridden)").Answers(404);
        api.MapPut("/{name}", Save).WithSummary("Save a template; refuses one that does not parse, with line and column").Answers(400, 413);
        api.MapDelete("/{name}", Reset).WithSummary("Remove the saved copy: a shipped template goes back to its file").Answers(404);
        api.MapPost("/{name}/preview", Preview).WithSummary("Render a template (or unsaved content) over an incident or the sample one").Answers(400, 404, 413);
        app.MapGet("/api/incidents/{id:guid}/reports/{template}", Report).WithTags("Incidents")
            .WithSummary("An incident's report rendered by a template: text/markdown, or text/html with Accept: text/html")
            .Produces<string>(StatusCodes.Status200OK, "text/markdown", "text/html").Answers(400, 404);
        return app;
    }

    private static async Task<Ok<List<TemplateSummaryResponse>>> List(TemplateLibrary library, CancellationToken ct) =>
        TypedResults.Ok((await library.ListAsync(ct)).Select(TemplateSummaryResponse.From).ToList());

    private static async Task<Ok<TemplateResponse>> Get(string name, TemplateLibrary library, CancellationToken ct) =>
        TypedResults.Ok(TemplateResponse.From(await library.GetAsync(name, ct)));

    private static async Task<Ok<TemplateResponse>> Save(string name, SaveTemplateRequest request, TemplateLibrary library, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(TemplateResponse.From(await library.SaveAsync(name, request.Content, RequestContext.Actor(http), ct)));

    private static async Task<Results<Ok<TemplateResponse>, NoContent>> Reset(string name, TemplateLibrary library, CancellationToken ct) =>
        await library.DeleteAsync(name, ct) is { } shipped ? TypedResults.Ok(TemplateResponse.From(shipped)) : TypedResults.NoContent();

    private static async Task<Ok<PreviewResponse>> Preview(string name, PreviewTemplateRequest request, TemplateLibrary library, IncidentTemplateModel models,
        CancellationToken ct)
    {
        var content = request.Content is null ? (await library.GetAsync(name, ct)).Content : TemplateLibrary.Check(request.Content);
        var model = request.IncidentId is { } incidentId ? await models.ForIncidentAsync(incidentId, request.Model, ct) : models.Sample(request.Model);
        var rendered = TemplateLibrary.Render(content, model, ct);
        return TypedResults.Ok(new PreviewResponse(rendered.Text, rendered.Html));
    }

    private static async Task<IResult> Report(Guid id, string template, TemplateLibrary library, IncidentTemplateModel models, IncidentService incidents,
        HttpContext http, CancellationToken ct)
    {
        var rendered = await library.RenderAsync(template, await models.ForIncidentAsync(id, null, ct), ct);
        var wantsHtml = http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
        if (!wantsHtml)
        {
            return TypedResults.Text(rendered.Text, "text/markdown; charset=utf-8");
        }

        var incident = await incidents.GetAsync(id, ct);
        return TypedResults.Text(MarkdownHtml.Document($"{incident.Number} — {template}", rendered.Text), "text/html; charset=utf-8");
    }
}

/// <summary><c>PUT /api/templates/{name}</c>.</summary>
public sealed record SaveTemplateRequest(string? Content);

/// <summary><c>POST /api/templates/{name}/preview</c>: over an incident or the sample one; <c>content</c> previews an
/// unsaved edit instead of the saved template.</summary>
public sealed record PreviewTemplateRequest(Guid? IncidentId, JsonObject? Model, string? Content);

/// <summary>The rendered Markdown (<c>output</c>) and its HTML.</summary>
public sealed record PreviewResponse(string Output, string Html);

/// <summary>A template in the list.</summary>
public sealed record TemplateSummaryResponse(string Name, string Title, TemplateSource Source, DateTimeOffset? UpdatedAt, string? UpdatedBy)
{
    public static TemplateSummaryResponse From(TemplateInfo t) => new(t.Name, t.Title, t.Source, t.UpdatedAt, t.UpdatedBy);
}

/// <summary>One template: <c>content</c> as used now; <c>shippedContent</c> when a saved copy overrides the file.</summary>
public sealed record TemplateResponse(string Name, string Title, string Content, TemplateSource Source, string? ShippedContent, DateTimeOffset? UpdatedAt, string? UpdatedBy)
{
    public static TemplateResponse From(TemplateInfo t) => new(t.Name, t.Title, t.Content, t.Source, t.ShippedContent, t.UpdatedAt, t.UpdatedBy);
}
