using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Infrastructure.Persistence;
using Quartz;
using Orchestrator.Workflows.Runtime.Dispatch;

namespace Orchestrator.Infrastructure.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    private const int ThreadPoolSize = 20;

    /// <summary>
    /// Quartz with its persistent store in Orchestrator's database: SQLite (single node, a fixed instance id so
    /// in-flight triggers are recovered after a restart) or PostgreSQL (clustered, nodes take over each other's triggers).
    /// </summary>
    public static IServiceCollection AddOrchestratorScheduling(this IServiceCollection services, DatabaseProvider provider, string connectionString)
    {
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(s =>
            {
                s.InstanceName = "orchestrator";
                // Many timers often fall due together (a batch of runs started at once): fetch them in batches, not one
                // trigger per store round-trip. MaxBatchSize may not exceed the thread pool size.
                s.MaxBatchSize = ThreadPoolSize;
                s.BatchTriggerAcquisitionFireAheadTimeWindow = TimeSpan.FromMilliseconds(5);
                if (provider == DatabaseProvider.Sqlite)
                {
                    s.InstanceId = "orchestrator-single-node";
                }
                else
                {
                    s.GenerateInstanceId = true;
                }
            });
            quartz.UseDefaultThreadPool(pool => pool.MaxConcurrency = ThreadPoolSize);
            quartz.UsePersistentStore(store =>
            {
                if (provider == DatabaseProvider.Sqlite)
                {
                    store.UseSqlite(connectionString);
                }
                else
                {
                    store.UsePostgres(connectionString);
                    store.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(10));
                }

                store.UseSystemTextJsonSerializer();
                store.ProvisionSchema();
            });
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = false);
        services.AddSingleton<ITimerScheduler, QuartzTimerScheduler>();
        services.AddSingleton<Orchestrator.Incidents.Sla.ISlaScheduler, QuartzSlaScheduler>();
        services.AddSingleton<DueTimers>();
        services.AddSingleton<ICronSchedules, QuartzCronSchedules>();
        return services;
    }
}
