using Orchestrator.Workflows.Definitions;
using Quartz;
using Orchestrator.Workflows.Runtime.Dispatch;

namespace Orchestrator.Infrastructure.Scheduling;

/// <summary>Cron triggers as Quartz jobs in group "workflow-cron", one job per definition, one trigger per schedule.</summary>
internal sealed class QuartzCronSchedules(ISchedulerFactory schedulers) : ICronSchedules
{
    private const string Group = "workflow-cron";

    public string? Validate(string cron)
    {
        try
        {
            _ = new CronExpression(cron);
            return null;
        }
        catch (FormatException e)
        {
            return e.Message;
        }
    }

    public async Task SyncAsync(string definitionId, WorkflowDefinition? published, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var key = new JobKey(definitionId, Group);
        await scheduler.DeleteJob(key, cancellationToken);
        var schedules = published?.Triggers.Where(t => t.Cron is not null).Select(t => t.Cron!).Distinct().ToList() ?? [];
        if (schedules.Count == 0)
        {
            return;
        }

        var job = JobBuilder.Create<StartWorkflowJob>().WithIdentity(key).UsingJobData(StartWorkflowJob.DefinitionIdKey, definitionId).Build();
        var triggers = schedules.Select((cron, i) => TriggerBuilder.Create()
            .WithIdentity($"{definitionId}#{i}", Group)
            .UsingJobData(StartWorkflowJob.ScheduleKey, cron)
            .WithCronSchedule(cron, c => c.WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing))
            .Build()).ToList();
        await scheduler.ScheduleJob(job, triggers, new ScheduleJobOptions { Replace = true }, cancellationToken);
    }
}
