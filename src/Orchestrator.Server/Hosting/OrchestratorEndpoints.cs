using Orchestrator.Server.Api.Settings;
using Orchestrator.Server.Api.Templates;
using Scalar.AspNetCore;
using Orchestrator.Server.Api;
using Orchestrator.Server.Api.Incidents;
using Orchestrator.Server.Api.Intake;
using Orchestrator.Server.Api.Problems;
using Orchestrator.Server.Api.Workflows;
using Orchestrator.Server.Components;

namespace Orchestrator.Server.Hosting;

/// <summary>Every route the server answers, in one place (the server and the benchmarks map the same set).</summary>
public static class OrchestratorEndpoints
{
    public static WebApplication MapOrchestrator(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseAntiforgery();

        app.MapOpenApi();
        // Scalar serves its own bundled script (no CDN); web fonts, telemetry and its hosted AI/MCP helpers are off:
        // nothing leaves the machine (ApiReferencePageTests checks it in a browser).
        app.MapScalarApiReference("/api-reference", options => options
            .WithTitle("Orchestrator API reference")
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp()
            .HideDeveloperTools());
        app.MapGet("/api-reference.html", () => Results.Redirect("/api-reference/v1", permanent: true)).ExcludeFromDescription();
        app.MapHealthApi();
        app.MapIncidentsApi();
        app.MapProblemsApi();
        app.MapWorkflowDefinitionsApi();
        app.MapActivityDescriptorsApi();
        app.MapWorkflowInstancesApi();
        app.MapEventsApi();
        app.MapPluginsApi();
        app.MapTemplatesApi();
        app.MapSlaSettingsApi();
        app.MapSecretsApi();
        app.MapIntegrationsApi();
        app.MapAlertsApi();
        app.MapIntakeApi();
        app.MapPagerDutyEventsApi();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
