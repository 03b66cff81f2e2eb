using Microsoft.AspNetCore.Http.HttpResults;
using Orchestrator.Incidents.Errors;
using Orchestrator.Server.Api.Errors;
using Orchestrator.Workflows.Runtime;
using Orchestrator.Workflows.Runtime.Storage;
using Orchestrator.Workflows.Runtime.Instances;

namespace Orchestrator.Server.Api.Workflows;

/// <summary>Runs: start (<c>POST /api/workflow-definitions/{id}/run</c>), list, inspect, cancel, retry (see CONTRACT.md).</summary>
public static class WorkflowInstancesApi
{
    public static IEndpointRouteBuilder MapWorkflowInstancesApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/workflow-definitions/{definitionId}/run", Run).WithTags("Workflow runs").WithSummary("Start a run of the published version (or of 'version', to test a draft)").Answers(400, 404, 409);
        var api = app.MapGroup("/api/workflow-instances").WithTags("Workflow runs");
        api.MapGet("/", List).WithSummary("List runs, newest first").Answers(400);
        api.MapGet("/{id}", Get).WithSummary("A run with its variables, journal and bookmarks").Answers(404);
        api.MapPost("/{id}/cancel", Cancel).WithSummary("Cancel a run").Answers(400, 404, 409);
        api.MapPost("/{id}/retry", Retry).WithSummary("Retry a Faulted run from the failed step").Answers(400, 404, 409);
        return app;
    }

    private static async Task<Accepted<RunStarted>> Run(string definitionId, RunWorkflowRequest? request, WorkflowOperations operations, CancellationToken ct)
    {
        if (request?.Input is not null and not System.Text.Json.Nodes.JsonObject)
        {
            throw new WorkflowInputException("input", "input must be a JSON object.");
        }

        var instance = await operations.RunAsync(definitionId, request?.Input?.AsObject(), request?.CorrelationId, ct, request?.Version);
        return TypedResults.Accepted($"/api/workflow-instances/{instance.Id}", new RunStarted(instance.Id));
    }

    private static async Task<Ok<PagedResponse<InstanceSummary>>> List(IWorkflowRunQueries store, string? definitionId, string? status, string? correlationId,
        string? startedAfter, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size) = Paging.Read(page, pageSize);
        WorkflowStatus? parsed = string.IsNullOrWhiteSpace(status) ? null : EnumText.Parse<WorkflowStatus>(status, "status");
        DateTimeOffset? after = string.IsNullOrWhiteSpace(startedAfter) ? null
            : DateTimeOffset.TryParse(startedAfter, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var time) ? time
            : throw new InvalidFieldException("startedAfter", $"startedAfter must be a date and time (ISO 8601, e.g. 2026-12-04T08:00:00Z); got '{startedAfter}'.");
        var (items, total) = await store.ListAsync(new InstanceQuery(definitionId, parsed, correlationId, p, size, after), ct);
        return TypedResults.Ok(new PagedResponse<InstanceSummary>(items, total, p, size));
    }

    private static async Task<Ok<InstanceResponse>> Get(string id, IWorkflowRunQueries store, CancellationToken ct)
    {
        var (instance, journal) = await store.GetWithJournalAsync(id, ct) ?? throw new WorkflowInstanceNotFoundException($"No workflow run '{id}'.");
        return TypedResults.Ok(InstanceResponse.From(instance, journal));
    }

    private static async Task<Accepted> Cancel(string id, WorkflowOperations operations, CancellationToken ct)
    {
        await operations.CancelAsync(id, ct);
        return TypedResults.Accepted($"/api/workflow-instances/{id}");
    }

    private static async Task<Accepted> Retry(string id, WorkflowOperations operations, CancellationToken ct)
    {
        await operations.RetryAsync(id, ct);
        return TypedResults.Accepted($"/api/workflow-instances/{id}");
    }
}

/// <summary><c>{ instanceId }</c> of a started run.</summary>
public sealed record RunStarted(string InstanceId);
