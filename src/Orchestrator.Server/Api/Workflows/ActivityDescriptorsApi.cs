using Microsoft.AspNetCore.Http.HttpResults;
using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Descriptors;

namespace Orchestrator.Server.Api.Workflows;

/// <summary><c>GET /api/activity-descriptors</c>: every activity type a definition may use, for the designer's toolbox.</summary>
public static class ActivityDescriptorsApi
{
    public static RouteHandlerBuilder MapActivityDescriptorsApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/activity-descriptors", List).WithTags("Workflow definitions").WithSummary("Describe every activity type");

    private static Ok<IReadOnlyList<ActivityDescriptor>> List(IActivityRegistry registry) => TypedResults.Ok(registry.Descriptors);
}
