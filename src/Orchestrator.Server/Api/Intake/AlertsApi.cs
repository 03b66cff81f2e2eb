using Microsoft.AspNetCore.Http.HttpResults;
using Orchestrator.Incidents;
using Orchestrator.Incidents.Errors;
using Orchestrator.Incidents.Intake;
using Orchestrator.Incidents.Intake.Storage;
using Orchestrator.Server.Api.Errors;

namespace Orchestrator.Server.Api.Intake;

/// <summary><c>GET /api/alerts</c>, <c>GET /api/alerts/{id}</c> and <c>GET /api/incidents/{id}/alerts</c>.</summary>
public static class AlertsApi
{
    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/alerts", Search).WithTags("Alert intake").WithSummary("List alerts, newest first").Answers(400);
        app.MapGet("/api/alerts/{id:guid}", Get).WithTags("Alert intake").WithSummary("Get one alert").Answers(404);
        app.MapGet("/api/incidents/{id:guid}/alerts", OfIncident).WithTags("Incidents").WithSummary("The alerts that opened or joined the incident").Answers(404);
        return app;
    }

    private static async Task<Ok<PagedResponse<AlertResponse>>> Search(IAlertStore alerts, Guid? integrationId, Guid? incidentId, string? status, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size) = Paging.Read(page, pageSize);
        var result = await alerts.SearchAsync(new AlertQuery(integrationId, incidentId, ParseStatus(status), p, size), ct);
        return TypedResults.Ok(PagedResponse<AlertResponse>.From(result, AlertResponse.From));
    }

    private static async Task<Ok<AlertResponse>> Get(Guid id, IAlertStore alerts, CancellationToken ct) =>
        TypedResults.Ok(AlertResponse.From(await alerts.FindAsync(id, ct) ?? throw new NotFoundException("alert", id)));

    private static async Task<Ok<PagedResponse<AlertResponse>>> OfIncident(Guid id, IncidentService incidents, IAlertStore alerts, int? page, int? pageSize, CancellationToken ct)
    {
        await incidents.GetAsync(id, ct);
        var (p, size) = Paging.Read(page, pageSize);
        var result = await alerts.SearchAsync(new AlertQuery(null, id, null, p, size), ct);
        return TypedResults.Ok(PagedResponse<AlertResponse>.From(result, AlertResponse.From));
    }

    private static AlertStatus? ParseStatus(string? status) =>
        status is null ? null
        : Enum.TryParse<AlertStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
        : throw new InvalidFieldException("status", $"status must be one of {string.Join(", ", Enum.GetNames<AlertStatus>())}; got '{status}'.");
}
