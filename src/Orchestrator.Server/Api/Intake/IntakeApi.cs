using Microsoft.AspNetCore.Http.HttpResults;
using Orchestrator.Incidents.Intake;
using Orchestrator.Incidents.Intake.Sources;
using Orchestrator.Server.Api.Errors;
using Orchestrator.Templating;

namespace Orchestrator.Server.Api.Intake;

/// <summary>
/// <c>POST /api/intake/alertmanager/{key}</c> and <c>POST /api/intake/webhook/{key}</c>: alerts from monitoring.
/// An unknown or revoked key is 404 either way; over the integration's rate → 429 with Retry-After; a body over 512 KB
/// → 413; not JSON or not the expected shape → 400 naming the field. A rejected request stores nothing.
/// </summary>
public static class IntakeApi
{
    public static IEndpointRouteBuilder MapIntakeApi(this IEndpointRouteBuilder app)
    {
        var intake = app.MapGroup("/api/intake").WithTags("Alert intake");
        intake.MapPost("/alertmanager/{key}", Alertmanager).WithSummary("Alertmanager webhook (version 4; Grafana alerting too)").Answers(400, 404, 413, 429);
        intake.MapPost("/webhook/{key}", Webhook).WithSummary("Any JSON, turned into an alert by the integration's mapping").Answers(400, 404);
        return app;
    }

    private static async Task<Ok<IntakeResponse>> Alertmanager(string key, HttpContext http, IntakeServices services, CancellationToken ct)
    {
        var integration = await services.AuthoriseAsync(key, IntegrationKind.Alertmanager, ct);
        var signals = AlertmanagerPayload.Parse(await IntakeBody.ReadAsync(http.Request, ct));
        return TypedResults.Ok(IntakeResponse.From(await services.ProcessAsync(integration, signals, ct)));
    }

    private static async Task<Ok<IntakeResponse>> Webhook(string key, HttpContext http, IntakeServices services, ScriptSandbox sandbox, CancellationToken ct)
    {
        var integration = await services.AuthoriseAsync(key, IntegrationKind.Webhook, ct);
        var signal = WebhookPayload.Map(await IntakeBody.ReadAsync(http.Request, ct), integration.Mapping!, sandbox, ct);
        return TypedResults.Ok(IntakeResponse.From(await services.ProcessAsync(integration, [signal], ct)));
    }
}
