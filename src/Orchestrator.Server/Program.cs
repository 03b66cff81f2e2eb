using Orchestrator.Server.Api;
using Orchestrator.Server.Api.Incidents;
using Orchestrator.Server.Api.Intake;
using Orchestrator.Server.Api.Problems;
using Orchestrator.Server.Api.Workflows;
using Orchestrator.Server.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddOrchestrator();

var app = builder.Build();
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

await app.PrepareDatabaseAsync();
await app.RunAsync();

/// <summary>The server's entry point; public so integration tests can host it.</summary>
public partial class Program;
