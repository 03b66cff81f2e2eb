using Microsoft.Extensions.Options;
using Orchestrator.Infrastructure.Actions;
using Orchestrator.Infrastructure.Persistence;
using Orchestrator.Infrastructure.Scheduling;
using Orchestrator.Workflows.Definitions.Storage;
using Orchestrator.Workflows.Runtime;
using Orchestrator.Workflows.Runtime.Dispatch;
using Orchestrator.Workflows.Runtime.Events;
using Orchestrator.Workflows.Runtime.Invocation;
using Orchestrator.Workflows.Runtime.Turns;

namespace Orchestrator.Server.Hosting;

/// <summary>The durable workflow runtime, registered in one place: its options, the interpreter and invoker, the
/// dispatcher and its workers, the Quartz clock, actions off the turn, and the host that sweeps and recovers.</summary>
public static class WorkflowRuntimeServices
{
    /// <summary>Configuration section of <see cref="RuntimeOptions"/>.</summary>
    public const string Section = $"{OrchestratorOptions.Section}:Workflows";

    /// <summary>
    /// Registers the runtime over <paramref name="database"/>. "Single node" is decided here and only here: the embedded
    /// SQLite database has one server, so leases stay in memory and a start after a crash owns every run; PostgreSQL may
    /// have several servers, so leases live in the database.
    /// </summary>
    public static IServiceCollection AddWorkflowRuntime(this IServiceCollection services, DatabaseOptions database, string dataDirectory)
    {
        var singleNode = database.Provider == DatabaseProvider.Sqlite;
        // Bound, validated (clear errors naming the setting) and checked when the host starts, not on first use.
        services.AddOptions<RuntimeOptions>()
            .BindConfiguration(Section)
            .ValidateDataAnnotations()
            .ValidateOnStart()
            .PostConfigure(runtime =>
            {
                runtime.SingleNode = singleNode;
                // Runs started by alert.received read alert.severity…; by an incident event, incident.priority… (a run
                // correlated with an incident sees it live: LiveIncidentScope).
                runtime.PromotedInputs = ["alert", "incident"];
            });
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<RuntimeOptions>>().Value);

        services.AddSingleton<ActivityInvoker>();
        services.AddSingleton<WorkflowInterpreter>();
        services.AddSingleton<WorkflowDispatcher>();
        services.AddSingleton<LocalLeases>();
        services.AddSingleton<WorkflowEventHub>();
        services.AddSingleton<TriggerFailures>();
        services.AddSingleton<DefinitionCache>();
        services.AddWorkflowActions();
        services.AddOrchestratorScheduling(database.Provider, database.ResolveConnectionString(dataDirectory));
        services.AddScoped<WorkflowRunner>();
        services.AddScoped<WorkflowOperations>();
        services.AddHostedService<WorkflowRuntimeHost>();
        return services;
    }
}
