using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Incidents.Intake.Storage;
using Orchestrator.Incidents.Storage;
using Orchestrator.Infrastructure.Persistence.Intake;
using Orchestrator.Infrastructure.Persistence.Workflows;
using Orchestrator.Workflows.Definitions.Storage;
using Orchestrator.Workflows.Runtime.Storage;

namespace Orchestrator.Infrastructure.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>Registers the database context for the configured provider and the stores built on it.</summary>
    public static IServiceCollection AddOrchestratorPersistence(this IServiceCollection services, DatabaseOptions options, string dataDirectory)
    {
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var connectionString = options.ResolveConnectionString(dataDirectory);
                services.AddDbContext<OrchestratorDbContext, SqliteOrchestratorDbContext>(db => db
                    .UseSqlite(connectionString)
                    .AddInterceptors(new SqlitePragmas()));
                break;
            case DatabaseProvider.PostgreSql:
                var postgres = options.ResolveConnectionString(dataDirectory);
                services.AddDbContext<OrchestratorDbContext, PostgreSqlOrchestratorDbContext>(db => db.UseNpgsql(postgres));
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider '{options.Provider}'.");
        }

        services.AddScoped<IIncidentStore, EfIncidentStore>();
        services.AddScoped<Orchestrator.Incidents.Sla.ISlaSettingsStore, Sla.EfSlaSettingsStore>();
        services.AddSingleton<Orchestrator.Incidents.Sla.SlaRulesCache>();
        services.AddScoped<Sla.SlaClockSweep>();
        services.AddSingleton<Sla.SlaTimerQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<Sla.SlaTimerQueue>());
        services.AddScoped<IIntegrationStore, EfIntegrationStore>();
        services.AddScoped<IAlertStore, EfAlertStore>();
        services.AddSingleton<IntakeLocks>();
        services.AddScoped<IWorkflowDefinitionStore, EfWorkflowDefinitionStore>();
        services.AddScoped<EfWorkflowInstanceStore>();
        services.AddScoped<IWorkflowRunStore>(sp => sp.GetRequiredService<EfWorkflowInstanceStore>());
        services.AddScoped<IWorkflowRunInbox>(sp => sp.GetRequiredService<EfWorkflowInstanceStore>());
        services.AddScoped<IWorkflowRunQueries>(sp => sp.GetRequiredService<EfWorkflowInstanceStore>());
        services.AddTransient<DatabaseMigrator>();
        return services;
    }
}
