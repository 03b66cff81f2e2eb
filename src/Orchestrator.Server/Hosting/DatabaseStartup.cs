using Microsoft.Extensions.Options;
using Orchestrator.Infrastructure.Persistence;
using Orchestrator.Infrastructure.Plugins;
using Orchestrator.Infrastructure.WorkflowFiles;
using Orchestrator.Server.Seeding;
using Orchestrator.Workflows.Definitions;

namespace Orchestrator.Server.Hosting;

/// <summary>Runs before the server accepts requests: migrate the database, load plugins and workflows/, then seed demo data when asked.</summary>
public static class DatabaseStartup
{
    public static async Task PrepareDatabaseAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        var options = app.Services.GetRequiredService<IOptions<OrchestratorOptions>>().Value;
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        app.Services.GetRequiredService<PluginCatalog>().LoadAll(options.ResolvePluginsDirectory());
        await scope.ServiceProvider.GetRequiredService<WorkflowFileLoader>().LoadAsync(options.ResolveWorkflowsDirectory(), cancellationToken);
        await scope.ServiceProvider.GetRequiredService<WorkflowDefinitionService>().SyncAllSchedulesAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<Orchestrator.Infrastructure.Sla.SlaClockSweep>().RunAsync(cancellationToken);
        if (options.SeedDemoData)
        {
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedIfEmptyAsync(cancellationToken);
        }
    }
}
