using Microsoft.AspNetCore.Http.HttpResults;
using Orchestrator.Incidents;
using Orchestrator.Incidents.Errors;
using Orchestrator.Incidents.Lifecycle;
using Orchestrator.Incidents.Major;
using Orchestrator.Incidents.Sla;
using Orchestrator.Incidents.Storage;
using Orchestrator.Incidents.Timeline;
using Orchestrator.Server.Api.Errors;
using Orchestrator.Workflows.Runtime.Storage;

namespace Orchestrator.Server.Api.Incidents;

/// <summary>The incident routes under <c>/api/incidents</c> (see CONTRACT.md).</summary>
public static class IncidentsApi
{
    public static RouteGroupBuilder MapIncidentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/incidents").WithTags("Incidents");
        api.MapPost("/", Create).WithSummary("Record an incident").Answers(400, 413);
        api.MapGet("/", Search).WithSummary("List incidents, newest first, with filters").Answers(400);
        api.MapGet("/{id:guid}", Get).WithSummary("Get one incident").Answers(404);
        api.MapGet("/{number}", GetByNumber).WithSummary("Get one incident by its number (INC0001001)").Answers(404);
        api.MapPatch("/{id:guid}", Update).WithSummary("Change descriptive fields; impact or urgency recompute priority").Answers(400, 404);
        api.MapPost("/{id:guid}/transitions", Transition).WithSummary("Move the incident through its lifecycle").Answers(400, 404, 409);
        api.MapPost("/{id:guid}/assignment", Assign).WithSummary("Assign a group and/or an assignee").Answers(400, 404);
        api.MapPost("/{id:guid}/notes", AddNote).WithSummary("Add a work note or a comment").Answers(400, 404, 409);
        api.MapPut("/{id:guid}/roles/{role}", SetRole).WithSummary("Staff an Incident Command System role").Answers(400, 404, 409);
        api.MapPost("/{id:guid}/major", HandleMajor).WithSummary("Propose, accept or reject as a major incident").Answers(400, 404, 409);
        api.MapPost("/{id:guid}/verification", Verify).WithSummary("The caller's answer to \"is it fixed?\": confirmed closes a Resolved incident, not confirmed reopens it").Answers(400, 404, 409);
        api.MapGet("/{id:guid}/timeline", Timeline).WithSummary("The incident's timeline, oldest first").Answers(404);
        return api;
    }

    private static async Task<Created<IncidentResponse>> Create(CreateIncidentRequest request, IncidentService incidents, HttpContext http, CancellationToken ct)
    {
        var details = new NewIncident(
            request.Title ?? throw new InvalidFieldException("title", "title is required."),
            request.Impact ?? throw new InvalidFieldException("impact", "impact is required: 1 (high), 2 (medium) or 3 (low)."),
            request.Urgency ?? throw new InvalidFieldException("urgency", "urgency is required: 1 (high), 2 (medium) or 3 (low)."),
            request.Description, request.Severity, request.Category, request.Subcategory, request.Service, request.Caller);
        var incident = await incidents.CreateAsync(details, RequestContext.Actor(http), ct);
        RequestContext.SetVersion(http, incident.Version);
        return TypedResults.Created($"/api/incidents/{incident.Id}", IncidentResponse.From(incident));
    }

    private static async Task<Ok<PagedResponse<IncidentResponse>>> Search(
        IncidentService incidents, string? state, int? priority, string? service, string? assignee, string? q, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size) = Paging.Read(page, pageSize);
        var query = new IncidentQuery(ParseState(state), ParsePriority(priority), service, assignee, q, Page: p, PageSize: size);
        var result = await incidents.SearchAsync(query, ct);
        return TypedResults.Ok(PagedResponse<IncidentResponse>.From(result, IncidentResponse.From));
    }

    private static async Task<Ok<IncidentResponse>> Get(Guid id, IncidentService incidents, IWorkflowRunQueries runs, SlaService sla, HttpContext http, CancellationToken ct) =>
        await WithRunsAsync(http, await incidents.GetAsync(id, ct), runs, sla, ct);

    private static async Task<Ok<IncidentResponse>> GetByNumber(string number, IncidentService incidents, IWorkflowRunQueries runs, SlaService sla, HttpContext http, CancellationToken ct) =>
        await WithRunsAsync(http, await incidents.GetByNumberAsync(number, ct), runs, sla, ct);

    /// <summary>The incident with the workflow runs about it (correlated by its id) and its SLA clocks.</summary>
    private static async Task<Ok<IncidentResponse>> WithRunsAsync(HttpContext http, Incident incident, IWorkflowRunQueries runs, SlaService sla, CancellationToken ct)
    {
        var (items, _) = await runs.ListAsync(new InstanceQuery(CorrelationId: incident.Id.ToString(), PageSize: IncidentRunResponse.Limit), ct);
        RequestContext.SetVersion(http, incident.Version);
        return TypedResults.Ok(IncidentResponse.From(incident) with
        {
            Runs = items.Select(IncidentRunResponse.From).ToList(),
            Sla = await sla.ClocksOfAsync(incident.Id, ct),
        });
    }

    private static async Task<Ok<IncidentResponse>> Update(Guid id, UpdateIncidentRequest request, IncidentService incidents, HttpContext http, CancellationToken ct)
    {
        var update = new IncidentUpdate(request.Title, request.Description, request.Impact, request.Urgency, request.Severity,
            request.Category, request.Subcategory, request.Service, request.Caller);
        return Respond(http, await incidents.UpdateAsync(id, RequestContext.Version(http, request.Version), update, RequestContext.Actor(http), ct));
    }

    private static async Task<Ok<IncidentResponse>> Transition(Guid id, TransitionIncidentRequest request, IncidentService incidents, HttpContext http, CancellationToken ct)
    {
        var to = request.To ?? throw new InvalidFieldException("to", $"to is required: one of {EnumText.Names<IncidentState>()}.");
        var transition = new TransitionRequest(to, request.HoldReason, request.ResolutionCode, request.Notes, request.Group, request.Assignee);
        return Respond(http, await incidents.TransitionAsync(id, RequestContext.Version(http, request.Version), transition, RequestContext.Actor(http), ct));
    }

    private static async Task<Ok<IncidentResponse>> Assign(Guid id, AssignIncidentRequest request, IncidentService incidents, HttpContext http, CancellationToken ct) =>
        Respond(http, await incidents.AssignAsync(id, RequestContext.Version(http, request.Version), request.Group, request.Assignee, RequestContext.Actor(http), ct));

    private static async Task<Ok<IncidentResponse>> Verify(Guid id, VerificationRequest request, IncidentService incidents, HttpContext http, CancellationToken ct) =>
        Respond(http, await incidents.VerifyAsync(id,
            request.Confirmed ?? throw new InvalidFieldException("confirmed", "confirmed is required: true when it is fixed, false when it is not."),
            request.Comment, RequestContext.Actor(http), ct));

    private static async Task<Ok<IncidentResponse>> AddNote(Guid id, AddNoteRequest request, IncidentService incidents, HttpContext http, CancellationToken ct) =>
        Respond(http, await incidents.AddNoteAsync(id, RequestContext.Version(http, request.Version), request.Kind ?? NoteKind.WorkNote, request.Text, RequestContext.Actor(http), ct));

    private static async Task<Ok<IncidentResponse>> SetRole(Guid id, string role, SetRoleRequest request, IncidentService incidents, HttpContext http, CancellationToken ct)
    {
        var icsRole = EnumText.Parse<IcsRole>(role, "role");
        return Respond(http, await incidents.SetRoleAsync(id, RequestContext.Version(http, request.Version), icsRole, request.User, RequestContext.Actor(http), ct));
    }

    private static async Task<Ok<IncidentResponse>> HandleMajor(Guid id, MajorIncidentRequest request, IncidentService incidents, HttpContext http, CancellationToken ct)
    {
        var action = request.Action ?? throw new InvalidFieldException("action", $"action is required: one of {EnumText.Names<MajorIncidentAction>()}.");
        return Respond(http, await incidents.HandleMajorAsync(id, RequestContext.Version(http, request.Version), action, request.Reason, RequestContext.Actor(http), ct));
    }

    private static async Task<Ok<List<TimelineEntryResponse>>> Timeline(Guid id, IncidentService incidents, CancellationToken ct) =>
        TypedResults.Ok((await incidents.GetTimelineAsync(id, ct)).Select(TimelineEntryResponse.From).ToList());

    private static Ok<IncidentResponse> Respond(HttpContext http, Incident incident)
    {
        RequestContext.SetVersion(http, incident.Version);
        return TypedResults.Ok(IncidentResponse.From(incident));
    }

    private static IncidentState? ParseState(string? state) =>
        string.IsNullOrWhiteSpace(state) ? null : EnumText.Parse<IncidentState>(state, "state");

    private static int? ParsePriority(int? priority) =>
        priority is null or (>= 1 and <= 5) ? priority : throw new InvalidFieldException("priority", "priority must be 1 to 5.");
}
