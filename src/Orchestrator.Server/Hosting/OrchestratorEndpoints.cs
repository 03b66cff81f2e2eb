using Orchestrator.Server.Api;
using Orchestrator.Server.Api.Incidents;
using Orchestrator.Server.Api.Intake;
using Orchestrator.Server.Api.Problems;
using Orchestrator.Server.Api.Workflows;

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

        app.MapOpenApi();
        app.MapHealthApi();
        app.MapIncidentsApi();
        app.MapProblemsApi();
        app.MapWorkflowDefinitionsApi();
        app.MapActivityDescriptorsApi();
        app.MapWorkflowInstancesApi();
        app.MapEventsApi();
        app.MapPluginsApi();
        app.MapSecretsApi();
        app.MapIntegrationsApi();
        app.MapAlertsApi();
        app.MapIntakeApi();
        app.MapPagerDutyEventsApi();
        return app;
    }
}
