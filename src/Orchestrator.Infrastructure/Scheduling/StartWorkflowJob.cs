using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orchestrator.Workflows.Definitions;
using Quartz;
using Orchestrator.Workflows.Runtime.Dispatch;

namespace Orchestrator.Infrastructure.Scheduling;

/// <summary>Quartz job for cron triggers: starts a run of the published version, with <c>{ firedAt, schedule }</c> as input.</summary>
public sealed class StartWorkflowJob(IServiceScopeFactory scopes, WorkflowDispatcher dispatcher, ILogger<StartWorkflowJob> logger) : IJob
{
    public const string DefinitionIdKey = "definitionId";
    public const string ScheduleKey = "schedule";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var definitionId = context.MergedJobDataMap.GetString(DefinitionIdKey)!;
        var input = new JsonObject
        {
            ["firedAt"] = (context.ScheduledFireTimeUtc ?? DateTimeOffset.UtcNow).ToString("O"),
            ["schedule"] = context.MergedJobDataMap.GetString(ScheduleKey),
        };
        using var work = dispatcher.TrackWork();
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            await scope.ServiceProvider.GetRequiredService<WorkflowRunner>().StartAsync(definitionId, input, null, cancellationToken, trigger: "cron");
        }
        catch (Exception e) when (e is WorkflowDefinitionNotFoundException or WorkflowDefinitionConflictException)
        {
            // Deleted, or retracted (no version published) while this firing was on its way.
            logger.LogWarning("Cron trigger of {DefinitionId} fired but no version is published; removing its schedule", definitionId);
            await scope.ServiceProvider.GetRequiredService<ICronSchedules>().SyncAsync(definitionId, null, cancellationToken);
        }
    }
}
