using Microsoft.AspNetCore.Http.HttpResults;
using Orchestrator.Incidents.Errors;
using Orchestrator.Incidents.Sla;
using Orchestrator.Server.Api.Errors;

namespace Orchestrator.Server.Api.Settings;

/// <summary><c>GET|PUT /api/settings/sla</c>: the SLA policies per priority and the calendars they count on (CONTRACT.md "SLA").</summary>
public static class SlaSettingsApi
{
    public static IEndpointRouteBuilder MapSlaSettingsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/settings/sla").WithTags("Settings");
        api.MapGet("/", Get).WithSummary("The SLA policies and calendars in force");
        api.MapPut("/", Save).WithSummary("Replace the SLA policies and calendars; new targets apply to clocks from their next change").Answers(400, 413);
        return app;
    }

    private static async Task<Ok<SlaSettings>> Get(SlaService sla, CancellationToken ct) => TypedResults.Ok(await sla.GetSettingsAsync(ct));

    private static async Task<Ok<SlaSettings>> Save(SlaSettings? request, SlaService sla, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await sla.SaveSettingsAsync(request ?? throw new InvalidFieldException("$", "The body must be { policies, calendars }."), RequestContext.Actor(http), ct));
}
