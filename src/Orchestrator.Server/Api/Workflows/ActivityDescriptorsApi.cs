using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Orchestrator.Infrastructure.Actions;
using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Descriptors;

namespace Orchestrator.Server.Api.Workflows;

/// <summary><c>GET /api/activity-descriptors</c>: every activity type a definition may use, for the designer's toolbox;
/// <c>POST /api/activity-descriptors/{type}/try</c>: one action run on its own, for plugin authors and "test this step".</summary>
public static class ActivityDescriptorsApi
{
    public static IEndpointRouteBuilder MapActivityDescriptorsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/activity-descriptors").WithTags("Workflow definitions");
        group.MapGet("", List).WithSummary("Describe every activity type");
        group.MapPost("/{type}/try", TryAsync)
            .WithSummary("Run one action outside a workflow")
            .WithDescription("Validates the inputs as a definition's would be and runs the action once, with the same time-out, HTTP clients and error texts as in a run. Nothing is stored.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static Ok<IReadOnlyList<ActivityDescriptor>> List(IActivityRegistry registry) => TypedResults.Ok(registry.Descriptors);

    private static async Task<Ok<TryActionResponse>> TryAsync(string type, TryActionRequest? request, ActionTrial trial, CancellationToken cancellationToken)
    {
        var result = await trial.TryAsync(type, request?.Inputs, request?.Secrets, request?.TimeoutSeconds, cancellationToken);
        return TypedResults.Ok(new TryActionResponse(result.Outcome, result.Outputs, result.Error, result.Permanent, result.Logs, result.DurationMs));
    }
}

/// <summary>The body of a try: literal input values, Secret inputs by the name of a stored secret, and an optional time-out.</summary>
public sealed record TryActionRequest(JsonObject? Inputs, JsonObject? Secrets, int? TimeoutSeconds);

/// <summary>What the action did: its outcome port (<c>Failed</c> with <c>error</c> when it failed), outputs, logs and duration.</summary>
public sealed record TryActionResponse(string Outcome, JsonObject? Outputs, string? Error, bool? Permanent, IReadOnlyList<TrialLog.Entry> Logs, long DurationMs);
