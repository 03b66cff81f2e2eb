using Microsoft.AspNetCore.Http.HttpResults;
using Orchestrator.Server.Api.Errors;
using Orchestrator.Workflows.Definitions;
using Orchestrator.Workflows.Definitions.Storage;
using Orchestrator.Workflows.Runtime;

namespace Orchestrator.Server.Api.Workflows;

/// <summary>The definition routes under <c>/api/workflow-definitions</c> (see CONTRACT.md).</summary>
public static class WorkflowDefinitionsApi
{
    public static RouteGroupBuilder MapWorkflowDefinitionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/workflow-definitions").WithTags("Workflow definitions");
        api.MapGet("/", List).WithSummary("List definitions with their latest and published versions").Answers(400);
        api.MapPost("/", Create).WithSummary("Create a definition (version 1, draft)").Answers(400);
        api.MapPost("/validate", Validate).WithSummary("Validate a definition without saving it").Answers(400);
        api.MapGet("/{definitionId}", Get).WithSummary("Get a version of a definition (default: the latest)").Answers(404);
        api.MapPut("/{definitionId}", SaveDraft).WithSummary("Save a new draft version (If-Match: the version it is based on, checked)").Answers(400, 404, 409);
        api.MapPost("/{definitionId}/publish", Publish).WithSummary("Publish a version (default: the latest) for new runs").Answers(400, 404);
        api.MapDelete("/{definitionId}", Retract).WithSummary("Retract: no version stays published; running instances finish").Answers(404);
        api.MapGet("/{definitionId}/versions", Versions).WithSummary("All versions, oldest first").Answers(404);
        api.MapGet("/{definitionId}/trigger-failures", TriggerFailures)
            .WithSummary("Recent events on which a trigger filter of this definition failed (newest first, since the server started)").Answers(400, 404);
        return api;
    }

    private static async Task<Ok<PagedResponse<DefinitionSummary>>> List(WorkflowDefinitionService definitions, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(PagedResponse<DefinitionSummary>.Of(await definitions.ListAsync(ct), page, pageSize));

    private static async Task<Created<DefinitionVersionResponse>> Create(WorkflowDefinition definition, WorkflowDefinitionService definitions, CancellationToken ct)
    {
        var stored = await definitions.CreateAsync(definition, ct);
        return TypedResults.Created($"/api/workflow-definitions/{stored.Definition.DefinitionId}?version={stored.Definition.Version}",
            DefinitionVersionResponse.From(stored));
    }

    private static Ok<ValidationResponse> Validate(WorkflowDefinition definition, WorkflowDefinitionService definitions)
    {
        var result = definitions.Validate(definition);
        return TypedResults.Ok(new ValidationResponse(result.IsValid, result.Errors));
    }

    private static async Task<Ok<WorkflowDefinition>> Get(string definitionId, int? version, HttpContext http, WorkflowDefinitionService definitions, CancellationToken ct)
    {
        var definition = (await definitions.GetAsync(definitionId, version, ct)).Definition;
        RequestContext.SetVersion(http, definition.Version); // what an editor sends back in If-Match when it saves
        return TypedResults.Ok(definition);
    }

    private static async Task<Ok<DefinitionVersionResponse>> SaveDraft(string definitionId, WorkflowDefinition definition, HttpContext http,
        WorkflowDefinitionService definitions, CancellationToken ct) =>
        TypedResults.Ok(DefinitionVersionResponse.From(await definitions.SaveDraftAsync(definitionId, definition, ct, RequestContext.Version(http, null))));

    private static async Task<Ok<DefinitionVersionResponse>> Publish(string definitionId, int? version, WorkflowDefinitionService definitions, CancellationToken ct) =>
        TypedResults.Ok(DefinitionVersionResponse.From(await definitions.PublishAsync(definitionId, version, ct)));

    private static async Task<NoContent> Retract(string definitionId, WorkflowDefinitionService definitions, CancellationToken ct)
    {
        await definitions.RetractAsync(definitionId, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<List<DefinitionVersionInfo>>> Versions(string definitionId, WorkflowDefinitionService definitions, CancellationToken ct) =>
        TypedResults.Ok((await definitions.GetVersionsAsync(definitionId, ct)).Select(DefinitionVersionInfo.From).ToList());

    private static async Task<Ok<PagedResponse<TriggerFailureResponse>>> TriggerFailures(string definitionId, int? page, int? pageSize,
        WorkflowDefinitionService definitions, WorkflowOperations operations, CancellationToken ct)
    {
        await definitions.GetVersionsAsync(definitionId, ct); // 404 for an unknown definition
        return TypedResults.Ok(PagedResponse<TriggerFailureResponse>.Of(operations.TriggerFailuresOf(definitionId).Select(TriggerFailureResponse.From).ToList(), page, pageSize));
    }
}
