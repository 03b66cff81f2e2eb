using Orchestrator.Incidents.Errors;
using Orchestrator.Incidents.Intake;
using Orchestrator.Incidents.Intake.Sources;

namespace Orchestrator.Server.Api.Intake;

/// <summary>
/// <c>POST /v2/enqueue</c> and <c>POST /v2/change/enqueue</c>, compatible with PagerDuty's Events API v2, so any
/// client that pages PagerDuty can point at Orchestrator by changing the host. Answers in PagerDuty's shapes:
/// 202 <c>{ status: "success", message, dedup_key }</c>, 400 <c>{ status: "invalid event", message, errors[] }</c>.
/// </summary>
public static class PagerDutyEventsApi
{
    public static IEndpointRouteBuilder MapPagerDutyEventsApi(this IEndpointRouteBuilder app)
    {
        var events = app.MapGroup("/v2").WithTags("Alert intake");
        events.MapPost("/enqueue", Enqueue).WithSummary("PagerDuty Events API v2: trigger, acknowledge or resolve an alert")
            .Produces<PagerDutyResponse>(StatusCodes.Status202Accepted).Produces<PagerDutyResponse>(StatusCodes.Status400BadRequest)
            .Produces<PagerDutyResponse>(StatusCodes.Status404NotFound).Produces<PagerDutyResponse>(StatusCodes.Status413PayloadTooLarge)
            .Produces<PagerDutyResponse>(StatusCodes.Status429TooManyRequests);
        events.MapPost("/change/enqueue", ChangeEnqueue).WithSummary("PagerDuty Events API v2 change event: recorded on the service's incidents' timelines")
            .Produces<PagerDutyResponse>(StatusCodes.Status202Accepted).Produces<PagerDutyResponse>(StatusCodes.Status400BadRequest)
            .Produces<PagerDutyResponse>(StatusCodes.Status404NotFound).Produces<PagerDutyResponse>(StatusCodes.Status413PayloadTooLarge)
            .Produces<PagerDutyResponse>(StatusCodes.Status429TooManyRequests);
        return app;
    }

    private static Task<IResult> Enqueue(HttpContext http, IntakeServices services, CancellationToken ct) =>
        Answer(http, async () =>
        {
            var (parsed, errors) = PagerDutyEvent.Parse(await IntakeBody.ReadAsync(http.Request, ct));
            if (parsed is null)
            {
                return Invalid(errors);
            }

            var integration = await services.AuthoriseAsync(parsed.RoutingKey, IntegrationKind.PagerDuty, ct);
            await services.ProcessAsync(integration, [parsed.Signal], ct);
            return TypedResults.Json(new PagerDutyResponse("success", "Event processed", parsed.Signal.Fingerprint, null), statusCode: StatusCodes.Status202Accepted);
        });

    private static Task<IResult> ChangeEnqueue(HttpContext http, IntakeServices services, AlertIntake intake, CancellationToken ct) =>
        Answer(http, async () =>
        {
            var change = PagerDutyEvent.ParseChange(await IntakeBody.ReadAsync(http.Request, ct));
            if (change.Errors.Count > 0)
            {
                return Invalid(change.Errors);
            }

            var integration = await services.AuthoriseAsync(change.RoutingKey, IntegrationKind.PagerDuty, ct);
            await intake.RecordChangeAsync(integration, change.Summary!, change.Source, change.Details, ct);
            return TypedResults.Json(new PagerDutyResponse("success", "Change event processed", null, null), statusCode: StatusCodes.Status202Accepted);
        });

    /// <summary>Maps the intake's rejections to PagerDuty's answer shapes.</summary>
    private static async Task<IResult> Answer(HttpContext http, Func<Task<IResult>> handle)
    {
        try
        {
            return await handle();
        }
        catch (IntakeBodyException e) when (e.Status == StatusCodes.Status413PayloadTooLarge)
        {
            return TypedResults.Json(new PagerDutyResponse("invalid event", "Request too large", null, [e.Message]), statusCode: e.Status);
        }
        catch (IntakeBodyException e)
        {
            return Invalid([e.Message]);
        }
        catch (InvalidFieldException e)
        {
            return Invalid([e.Message]);
        }
        catch (UnknownIntegrationKeyException)
        {
            return TypedResults.Json(new PagerDutyResponse("invalid event", "Unknown routing key", null, ["'routing_key' does not match an active integration"]),
                statusCode: StatusCodes.Status404NotFound);
        }
        catch (Exception e) when (Errors.TransientFailures.IsTransient(e))
        {
            http.Response.Headers.RetryAfter = "1";
            return TypedResults.Json(new PagerDutyResponse("error", "Temporarily unavailable; nothing was stored. Retry the event.", null, null),
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        catch (IntakeRateLimitedException e)
        {
            http.Response.Headers.RetryAfter = e.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Json(new PagerDutyResponse("throttle event", "Requests for this routing key are arriving too quickly; retry later", null, null),
                statusCode: StatusCodes.Status429TooManyRequests);
        }
    }

    private static IResult Invalid(IReadOnlyList<string> errors) =>
        TypedResults.Json(new PagerDutyResponse("invalid event", "Event object is invalid", null, errors), statusCode: StatusCodes.Status400BadRequest);
}
