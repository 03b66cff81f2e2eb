using Orchestrator.Incidents;
using Orchestrator.Incidents.Problems;
using Orchestrator.Infrastructure.Persistence;
using Orchestrator.Server.Api.Errors;
using Orchestrator.Server.Api.Json;
using Orchestrator.Server.Seeding;

namespace Orchestrator.Server.Hosting;

/// <summary>Everything the server registers, in one place.</summary>
public static class OrchestratorServices
{
    /// <summary>Largest request body accepted by the API (1 MB); larger bodies get 413.</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    public static WebApplicationBuilder AddOrchestrator(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(OrchestratorOptions.Section).Get<OrchestratorOptions>() ?? new OrchestratorOptions();
        var dataDirectory = options.ResolveDataDirectory();
        Directory.CreateDirectory(dataDirectory);

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(json => ApiJson.Configure(json.SerializerOptions));
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        builder.Services.AddOpenApi();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(options.Incidents.ToRules());
        builder.Services.AddOrchestratorPersistence(options.Database, dataDirectory);
        builder.Services.AddScoped<IncidentService>();
        builder.Services.AddScoped<ProblemService>();
        builder.Services.AddScoped<DemoData>();
        return builder;
    }
}
