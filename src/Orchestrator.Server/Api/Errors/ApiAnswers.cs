namespace Orchestrator.Server.Api.Errors;

/// <summary>Declares a route's error answers in the OpenAPI document: RFC 9457 problem details, with the field errors
/// of a validation problem for 400. <c>OpenApiStatusesTests</c> checks every answer the tests saw is declared.</summary>
public static class ApiAnswers
{
    public static TBuilder Answers<TBuilder>(this TBuilder builder, params int[] statuses) where TBuilder : IEndpointConventionBuilder
    {
        foreach (var status in statuses)
        {
            builder = status == StatusCodes.Status400BadRequest ? builder.ProducesValidationProblem() : builder.ProducesProblem(status);
        }

        return builder;
    }
}
