using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Orchestrator.Http;
using Orchestrator.Incidents.Intake;
using Orchestrator.Incidents.Problems;
using Orchestrator.Incidents;
using Orchestrator.Infrastructure.Actions;
using Orchestrator.Infrastructure.Events;
using Orchestrator.Infrastructure.IncidentActivities;
using Orchestrator.Infrastructure.Templates;
using Orchestrator.Infrastructure.Persistence;
using Orchestrator.Infrastructure.Plugins;
using Orchestrator.Infrastructure.Scheduling;
using Orchestrator.Infrastructure.Secrets;
using Orchestrator.Infrastructure.WorkflowFiles;
using Orchestrator.Server.Api.Errors;
using Orchestrator.Server.Api.Intake;
using Orchestrator.Server.Api.Json;
using Orchestrator.Server.Seeding;
using Orchestrator.Templating;
using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Definitions.Storage;
using Orchestrator.Workflows.Definitions;
using Orchestrator.Workflows.Validation;

using MudBlazor.Services;

namespace Orchestrator.Server.Hosting;

/// <summary>Everything the server registers, in one place.</summary>
public static class OrchestratorServices
{
    /// <summary>Largest request body accepted by the API (1 MB); larger bodies get 413.</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    public static WebApplicationBuilder AddOrchestrator(this WebApplicationBuilder builder)
    {
        var options = OrchestratorOptions.From(builder.Configuration);
        builder.Services.AddOptions<OrchestratorOptions>().BindConfiguration(OrchestratorOptions.Section);
        builder.Services.AddSingleton<IValidateOptions<OrchestratorOptions>, OrchestratorOptionsValidator>();
        var dataDirectory = options.ResolveDataDirectory();
        Directory.CreateDirectory(dataDirectory);

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(json => ApiJson.Configure(json.SerializerOptions));
        builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
        {
            // A body over the limit may be refused before our exception handler sees it (Kestrel checks the declared
            // length): it gets the same words, whoever answers.
            if (context.ProblemDetails.Status == StatusCodes.Status413PayloadTooLarge && context.Exception is null)
            {
                context.ProblemDetails.Title = "Request body too large";
                context.ProblemDetails.Detail ??= $"The request body is larger than the {MaxRequestBodyBytes / 1024} KB limit.";
            }
        });
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        builder.Services.AddOpenApi(openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Orchestrator API";
            document.Info.Description = "Incidents, problems, workflows, plugins and alert intake. Errors are RFC 9457 problem details (application/problem+json) naming the field at fault.";
            return Task.CompletedTask;
        }));
        // The web UI: Blazor interactive server rendering with MudBlazor (the canvas is a JS island, Components/Canvas/).
        // Messages from the browser carry pasted activities and layouts of whole flowcharts: more than SignalR's 32 KB.
        builder.Services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(hub => hub.MaximumReceiveMessageSize = 4 * 1024 * 1024);
        builder.Services.AddMudServices();
        builder.Services.AddScoped<Components.Workflows.Designer.BrowserDrafts>();
        builder.Services.AddScoped<Components.CurrentUser>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database").AddCheck<SchedulerHealthCheck>("scheduler");

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(options.Incidents.ToRules());
        builder.Services.AddOrchestratorPersistence(options.Database, dataDirectory);
        builder.Services.AddScoped<IncidentService>();
        builder.Services.AddScoped<Orchestrator.Incidents.Sla.SlaService>();
        builder.Services.AddScoped<ProblemService>();
        builder.Services.AddScoped<DemoData>();
        builder.Services.AddScoped<IntegrationService>();
        builder.Services.AddScoped<AlertIntake>();
        builder.Services.AddScoped<IntakeServices>();
        builder.Services.AddSingleton<IntegrationKeyCache>();
        builder.Services.AddScoped<IntegrationChanges>();
        builder.Services.AddSingleton<IntakeRateLimiter>();
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<EventOutboxPublisher>();
        builder.Services.AddHostedService(services => services.GetRequiredService<EventOutboxPublisher>());

        builder.Services.AddSingleton(new ScriptSandbox(SandboxLimits.Default));
        builder.Services.AddHttpClient();
        builder.Services.AddActionHttpClients();
        builder.Services.AddDataProtection()
            .SetApplicationName("Orchestrator")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));
        builder.Services.AddScoped<SecretStore>();
        builder.Services.AddScoped<ActionTrial>();
        builder.Services.AddIncidentActivities();
        builder.Services.AddTemplates(options.ResolveTemplatesDirectory());
        // Activities the host provides (registered as IActivity) join the built-in ones; plugins add actions to both.
        builder.Services.AddSingleton(services => new PluginCatalog(
            [.. ActivityRegistry.BuiltIn(), .. services.GetServices<IActivity>()],
            name => ActionHttpClients.Create(services.GetRequiredService<IHttpClientFactory>(), name),
            async (name, cancellationToken) =>
            {
                await using var scope = services.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<SecretStore>().ReadValueAsync(name, cancellationToken);
            },
            services.GetRequiredService<ILogger<PluginCatalog>>()));
        builder.Services.AddSingleton<IActivityRegistry>(services => services.GetRequiredService<PluginCatalog>());
        builder.Services.AddSingleton<WorkflowValidator>();
        builder.Services.AddScoped<WorkflowDefinitionService>();
        builder.Services.AddScoped<WorkflowFileLoader>();

        builder.Services.AddWorkflowRuntime(options.Database, dataDirectory);
        return builder;
    }
}
