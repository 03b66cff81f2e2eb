using Microsoft.AspNetCore.Http.HttpResults;
using Orchestrator.Incidents.Errors;
using Orchestrator.Incidents.Problems;
using Orchestrator.Server.Api.Errors;
using Orchestrator.Server.Api.Incidents;

namespace Orchestrator.Server.Api.Problems;

/// <summary>The problem routes under <c>/api/problems</c> (see CONTRACT.md).</summary>
public static class ProblemsApi
{
    public static RouteGroupBuilder MapProblemsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/problems").WithTags("Problems");
        api.MapPost("/", Create).WithSummary("Record a problem").Answers(400);
        api.MapGet("/", List).WithSummary("List problems, newest first").Answers(400);
        api.MapGet("/{id:guid}", Get).WithSummary("Get one problem").Answers(404);
        api.MapPatch("/{id:guid}", Update).WithSummary("Change root cause, workaround, known-error flag and other fields").Answers(400, 404, 409);
        api.MapGet("/{id:guid}/incidents", LinkedIncidents).WithSummary("The incidents linked to the problem").Answers(404);
        api.MapPost("/{id:guid}/incidents", LinkIncident).WithSummary("Link an incident to the problem").Answers(400, 404);
        api.MapPost("/{id:guid}/resolve", Resolve).WithSummary("Resolve the problem and the incidents on hold awaiting it").Answers(400, 404, 409);
        return api;
    }

    private static async Task<Created<ProblemResponse>> Create(CreateProblemRequest request, ProblemService problems, HttpContext http, CancellationToken ct)
    {
        var details = new NewProblem(request.Title ?? throw new InvalidFieldException("title", "title is required."),
            request.Description, request.RootCause, request.Workaround, request.KnownError ?? false, request.Service);
        var problem = await problems.CreateAsync(details, RequestContext.Actor(http), ct);
        RequestContext.SetVersion(http, problem.Version);
        return TypedResults.Created($"/api/problems/{problem.Id}", ProblemResponse.From(problem));
    }

    private static async Task<Ok<PagedResponse<ProblemResponse>>> List(ProblemService problems, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size) = Paging.Read(page, pageSize);
        return TypedResults.Ok(PagedResponse<ProblemResponse>.From(await problems.ListAsync(p, size, ct), ProblemResponse.From));
    }

    private static async Task<Ok<ProblemResponse>> Get(Guid id, ProblemService problems, HttpContext http, CancellationToken ct)
    {
        var problem = await problems.GetAsync(id, ct);
        RequestContext.SetVersion(http, problem.Version);
        return TypedResults.Ok(ProblemResponse.From(problem));
    }

    private static async Task<Ok<ProblemResponse>> Update(Guid id, UpdateProblemRequest request, ProblemService problems, HttpContext http, CancellationToken ct)
    {
        var update = new ProblemUpdate(request.Title, request.Description, request.RootCause, request.Workaround, request.KnownError, request.Service);
        var problem = await problems.UpdateAsync(id, RequestContext.Version(http, request.Version), update, RequestContext.Actor(http), ct);
        RequestContext.SetVersion(http, problem.Version);
        return TypedResults.Ok(ProblemResponse.From(problem));
    }

    private static async Task<Ok<PagedResponse<IncidentResponse>>> LinkedIncidents(Guid id, ProblemService problems, int? page, int? pageSize, CancellationToken ct)
    {
        await problems.GetAsync(id, ct);
        var (p, size) = Paging.Read(page, pageSize);
        return TypedResults.Ok(PagedResponse<IncidentResponse>.From(await problems.LinkedIncidentsAsync(id, p, size, ct), IncidentResponse.From));
    }

    private static async Task<Ok<IncidentResponse>> LinkIncident(Guid id, LinkIncidentRequest request, ProblemService problems, HttpContext http, CancellationToken ct)
    {
        var incidentId = request.IncidentId ?? throw new InvalidFieldException("incidentId", "incidentId is required.");
        return TypedResults.Ok(IncidentResponse.From(await problems.LinkIncidentAsync(id, incidentId, RequestContext.Actor(http), ct)));
    }

    private static async Task<Ok<ProblemResolutionResponse>> Resolve(Guid id, ResolveProblemRequest request, ProblemService problems, HttpContext http, CancellationToken ct)
    {
        var (problem, resolved) = await problems.ResolveAsync(id, RequestContext.Version(http, request.Version),
            request.RootCause, request.Notes, request.ResolutionCode, RequestContext.Actor(http), ct);
        return TypedResults.Ok(new ProblemResolutionResponse(ProblemResponse.From(problem), resolved.Select(IncidentResponse.From).ToList()));
    }
}
