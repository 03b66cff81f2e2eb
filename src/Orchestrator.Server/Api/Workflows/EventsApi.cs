using Microsoft.AspNetCore.Http.HttpResults;
using Orchestrator.Server.Api.Errors;
using Orchestrator.Workflows.Runtime;
using Orchestrator.Workflows.Runtime.Events;

namespace Orchestrator.Server.Api.Workflows;

/// <summary><c>POST /api/events/{name}</c> and the approvals routes: the stimuli that move waiting runs on.</summary>
public static class EventsApi
{
    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/events/{name}", Send).WithTags("Workflow runs").WithSummary("Resume runs waiting for the event and start triggered workflows").Answers(400, 404);
        app.MapGet("/api/approvals", Pending).WithTags("Workflow runs").WithSummary("Pending approvals").Answers(400);
        app.MapPost("/api/approvals/{id}", Decide).WithTags("Workflow runs").WithSummary("Decide an approval").Answers(400, 404);
        return app;
    }

    private static async Task<Accepted<EventResponse>> Send(string name, EventRequest? request, WorkflowOperations operations, CancellationToken ct)
    {
        var result = await operations.SendEventAsync(name, request?.CorrelationId, request?.Payload, request?.DeliveryId, ct);
        return TypedResults.Accepted((string?)null, EventResponse.From(result));
    }

    private static async Task<Ok<PagedResponse<ApprovalResponse>>> Pending(WorkflowOperations operations, string? status, int? page, int? pageSize, CancellationToken ct)
    {
        if (status is not null && !status.Equals("Pending", StringComparison.OrdinalIgnoreCase))
        {
            throw new WorkflowInputException("status", "Only pending approvals are listed: use status=Pending or leave it out.");
        }

        return TypedResults.Ok(PagedResponse<ApprovalResponse>.Of((await operations.PendingApprovalsAsync(ct)).Select(ApprovalResponse.From).ToList(), page, pageSize));
    }

    private static async Task<Accepted> Decide(string id, DecisionRequest request, WorkflowOperations operations, HttpContext http, CancellationToken ct)
    {
        await operations.DecideAsync(id, request.Decision, request.Comment, RequestContext.Actor(http), ct);
        return TypedResults.Accepted((string?)null);
    }
}

/// <summary><c>{ resumed, started, instanceIds, resumedInstanceIds, duplicate, kept, triggerFailures }</c>: counts, the runs
/// started (<c>instanceIds</c>) and resumed, and the trigger filters that failed on this event.</summary>
public sealed record EventResponse(int Resumed, int Started, IReadOnlyList<string> InstanceIds, IReadOnlyList<string> ResumedInstanceIds, bool Duplicate, bool Kept,
    IReadOnlyList<TriggerFailureResponse> TriggerFailures)
{
    public static EventResponse From(EventResult result) => new(result.Resumed.Count, result.Started.Count, result.Started, result.Resumed, result.Duplicate, result.Kept,
        result.TriggerFailures.Select(TriggerFailureResponse.From).ToList());
}

/// <summary>A trigger filter that failed on an event: <c>{ definitionId, event, correlationId, error, at }</c>.</summary>
public sealed record TriggerFailureResponse(string DefinitionId, string Event, string? CorrelationId, string Error, DateTimeOffset At)
{
    public static TriggerFailureResponse From(TriggerFailure failure) => new(failure.DefinitionId, failure.Event, failure.CorrelationId, failure.Error, failure.At);
}
