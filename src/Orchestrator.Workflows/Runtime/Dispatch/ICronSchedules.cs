using Orchestrator.Workflows.Definitions;

namespace Orchestrator.Workflows.Runtime.Dispatch;

/// <summary>Keeps the scheduler's cron triggers in step with the published definitions that declare <c>cron</c> triggers.</summary>
public interface ICronSchedules
{
    /// <summary>Null when the cron expression is valid, otherwise why not.</summary>
    string? Validate(string cron);

    /// <summary>Schedules the cron triggers of the published version of a definition, replacing earlier ones; none when retracted.</summary>
    Task SyncAsync(string definitionId, WorkflowDefinition? published, CancellationToken cancellationToken);
}
