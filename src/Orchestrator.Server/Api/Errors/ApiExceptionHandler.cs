using Orchestrator.Templating.Templates;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Orchestrator.Incidents.Errors;
using Orchestrator.Server.Api.Intake;
using Orchestrator.Workflows.Definitions;
using Orchestrator.Workflows.Runtime;

namespace Orchestrator.Server.Api.Errors;

/// <summary>
/// Turns rule violations and unreadable requests into RFC 9457 problem details that name the field at fault.
/// Anything else is left to the default handler (a 500 without internals).
/// </summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = ToProblem(exception);
        if (problem is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        // The exception-handler middleware clears the response first, so headers are set here.
        if (exception is IntakeRateLimitedException limited)
        {
            httpContext.Response.Headers.RetryAfter = limited.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "1";
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ProblemDetails? ToProblem(Exception exception) =>
        exception switch
        {
            InvalidFieldException invalid => FieldProblem(invalid.Field, invalid.Message),
            IllegalTransitionException illegal => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Not allowed in the current state",
                Detail = illegal.Message,
                Extensions = { ["current"] = illegal.Current, ["attempted"] = illegal.Attempted, ["allowed"] = illegal.Allowed },
            },
            StaleVersionException stale => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Version conflict",
                Detail = stale.Message,
                Extensions = { ["field"] = "version", ["expectedVersion"] = stale.ExpectedVersion, ["currentVersion"] = stale.CurrentVersion },
            },
            NotFoundException notFound => NotFound(notFound.Message),
            ConflictException conflict => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Conflict",
                Detail = conflict.Message,
                Extensions = { ["field"] = conflict.Field },
            },
            InvalidWorkflowDefinitionException invalid => new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Invalid workflow definition",
                Detail = invalid.Message,
                Extensions = { ["errors"] = invalid.Errors },
            },
            WorkflowDefinitionNotFoundException missing => NotFound(missing.Message),
            WorkflowDefinitionConflictException conflict => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Conflict",
                Detail = conflict.Message,
            },
            WorkflowInputException input => FieldProblem(input.Field, input.Message),
            TemplateNotFoundException missingTemplate => NotFound(missingTemplate.Message),
            InvalidTemplateException template => new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Invalid template",
                Detail = template.Message,
                Extensions =
                {
                    ["field"] = template.Field,
                    ["errors"] = template.Errors.Select(e => new { line = e.Line, column = e.Column, message = e.Message }).ToList(),
                },
            },
            WorkflowInstanceNotFoundException missingRun => NotFound(missingRun.Message),
            WorkflowInstanceStateException state => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Not allowed in the run's state",
                Detail = state.Message,
                Extensions = { ["runStatus"] = state.Status },
            },
            BadHttpRequestException { InnerException: JsonException json } when UnknownField(json) is { } unknown => FieldProblem(unknown,
                $"{unknown} is not a field of this request{Hint(unknown)}. Nothing was changed."),
            BadHttpRequestException { InnerException: JsonException json } => FieldProblem(
                JsonField(json.Path),
                $"The request body is not valid JSON for this operation at {json.Path ?? "$"}: {JsonMessage(json)}"),
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Bad request",
                Detail = bad.StatusCode == StatusCodes.Status413PayloadTooLarge
                    ? $"The request body is larger than the {Hosting.OrchestratorServices.MaxRequestBodyBytes / 1024} KB limit."
                    : bad.Message,
            },
            IntakeBodyException body => body.Status == StatusCodes.Status413PayloadTooLarge
                ? new ProblemDetails { Status = body.Status, Title = "Request body too large", Detail = body.Message }
                : FieldProblem(body.Path, body.Message),
            UnknownIntegrationKeyException unknownKey => NotFound(unknownKey.Message),
            IntakeRateLimitedException limited => new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = limited.Message,
                Extensions = { ["retryAfterSeconds"] = limited.RetryAfterSeconds },
            },
            _ when TransientFailures.IsTransient(exception) => new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Temporarily unavailable",
                Detail = "The database is busy; nothing was stored. Retry the request.",
            },
            _ => null,
        };

    private static ProblemDetails NotFound(string detail) =>
        new() { Status = StatusCodes.Status404NotFound, Title = "Not found", Detail = detail };

    private static ProblemDetails FieldProblem(string field, string message) =>
        new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Invalid request",
            Detail = message,
            Extensions = { ["field"] = field },
        };

    /// <summary>"$.holdReason" → "holdReason"; the whole body → "$".</summary>
    private static string JsonField(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "$" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    /// <summary>The field a body named that its request type does not have (request types that refuse unknown fields).</summary>
    private static string? UnknownField(JsonException json) =>
        json.Message.StartsWith("The JSON property '", StringComparison.Ordinal) && json.Message.Contains("could not be mapped", StringComparison.Ordinal)
            ? json.Message["The JSON property '".Length..json.Message.IndexOf('\'', "The JSON property '".Length)]
            : null;

    /// <summary>Where a misplaced incident field belongs.</summary>
    private static string Hint(string field) => field switch
    {
        "assignmentGroup" or "assignee" or "group" => "; assign with POST /api/incidents/{id}/assignment { group, assignee }",
        "state" or "to" => "; change the state with POST /api/incidents/{id}/transitions { to }",
        _ => string.Empty,
    };

    private static string JsonMessage(JsonException json)
    {
        var message = json.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
