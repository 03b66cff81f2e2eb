using Microsoft.AspNetCore.Http.HttpResults;
using Orchestrator.Incidents.Intake;
using Orchestrator.Server.Api.Errors;

namespace Orchestrator.Server.Api.Intake;

/// <summary>The integration routes under <c>/api/integrations</c>: the monitoring sources allowed to post alerts.</summary>
public static class IntegrationsApi
{
    public static RouteGroupBuilder MapIntegrationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/integrations").WithTags("Alert intake");
        api.MapGet("/", List).WithSummary("List integrations").Answers(400);
        api.MapPost("/", Create).WithSummary("Create an integration; the answer carries its key and intake URL").Answers(400, 409);
        api.MapGet("/{id:guid}", Get).WithSummary("Get one integration").Answers(404);
        api.MapPut("/{id:guid}", Update).WithSummary("Replace an integration's settings (kind and key stay)").Answers(400, 404, 409);
        api.MapDelete("/{id:guid}", Revoke).WithSummary("Revoke an integration: its key stops working; its alerts stay").Answers(404);
        return api;
    }

    private static async Task<Ok<PagedResponse<IntegrationResponse>>> List(IntegrationService integrations, HttpContext http, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(PagedResponse<IntegrationResponse>.Of((await integrations.ListAsync(ct)).Select(i => IntegrationResponse.From(i, http.Request)).ToList(), page, pageSize));

    private static async Task<Created<IntegrationResponse>> Create(IntegrationRequest request, IntegrationService integrations, HttpContext http, CancellationToken ct)
    {
        var integration = await integrations.CreateAsync(request.ToSettings(), ct);
        RequestContext.SetVersion(http, integration.Version);
        return TypedResults.Created($"/api/integrations/{integration.Id}", IntegrationResponse.From(integration, http.Request));
    }

    private static async Task<Ok<IntegrationResponse>> Get(Guid id, IntegrationService integrations, HttpContext http, CancellationToken ct)
    {
        var integration = await integrations.GetAsync(id, ct);
        RequestContext.SetVersion(http, integration.Version);
        return TypedResults.Ok(IntegrationResponse.From(integration, http.Request));
    }

    private static async Task<Ok<IntegrationResponse>> Update(Guid id, IntegrationRequest request, IntegrationChanges changes, HttpContext http, CancellationToken ct)
    {
        var integration = await changes.UpdateAsync(id, RequestContext.Version(http, request.Version), request.ToSettings(), ct);
        RequestContext.SetVersion(http, integration.Version);
        return TypedResults.Ok(IntegrationResponse.From(integration, http.Request));
    }

    private static async Task<NoContent> Revoke(Guid id, IntegrationChanges changes, CancellationToken ct)
    {
        await changes.RevokeAsync(id, ct);
        return TypedResults.NoContent();
    }
}
