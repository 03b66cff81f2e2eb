using Orchestrator.Workflows.Runtime;
using Orchestrator.Workflows.Runtime.Storage;
using Orchestrator.Workflows.Runtime.Dispatch;

namespace Orchestrator.Server.Hosting;

/// <summary>
/// Hosts the workflow runtime: on start it frees the leases a crashed predecessor left (single-node SQLite), then runs
/// the dispatcher's workers and a sweep that offers runnable instances, fires due timers and hands kept events to
/// new waits. Runs interrupted by a crash continue here.
/// </summary>
internal sealed class WorkflowRuntimeHost(
    IServiceScopeFactory scopes,
    WorkflowDispatcher dispatcher,
    RuntimeOptions options,
    TimeProvider clock,
    ILogger<WorkflowRuntimeHost> logger) : BackgroundService
{
    private static readonly TimeSpan TimerSafetyLag = TimeSpan.FromSeconds(5);

    /// <summary>Old delivery ids are deleted this often (or as often as they expire, when that is sooner).</summary>
    private TimeSpan ForgetInterval => options.KeepDeliveryIdsFor < TimeSpan.FromMinutes(10) ? options.KeepDeliveryIdsFor : TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.SingleNode)
        {
            await WithStoreAsync((runs, _) => runs.ReleaseAllAsync(stoppingToken));
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<WorkflowRunner>().RestartPendingActionsAsync(stoppingToken);
        }

        var workers = dispatcher.RunAsync(RunTurnsAsync, stoppingToken);
        var sweeps = 0;
        var forgotten = clock.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await WithStoreAsync(async (runs, inbox) =>
                {
                    var now = clock.GetUtcNow();
                    // Quartz fires timers; this catches any whose trigger was lost, a few seconds late.
                    foreach (var id in await inbox.ResumeDueBookmarksAsync(now - TimerSafetyLag, 500, stoppingToken))
                    {
                        dispatcher.Enqueue(id);
                    }

                    if (sweeps++ % 8 == 0)
                    {
                        foreach (var id in await inbox.DeliverKeptEventsAsync(null, now, stoppingToken))
                        {
                            dispatcher.Enqueue(id);
                        }
                    }

                    foreach (var id in await runs.FindRunnableAsync(now, 500, stoppingToken))
                    {
                        dispatcher.Enqueue(id);
                    }

                    if (now - forgotten >= ForgetInterval)
                    {
                        forgotten = now;
                        await inbox.ForgetDeliveriesAsync(now - options.KeepDeliveryIdsFor, stoppingToken);
                    }
                });
                await Task.Delay(options.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Workflow runtime sweep failed; retrying");
                await Task.Delay(TimeSpan.FromSeconds(1), clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }

        await workers;
    }

    private async Task RunTurnsAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WorkflowRunner>().RunTurnsAsync(instanceId, cancellationToken);
    }

    private async Task WithStoreAsync(Func<IWorkflowRunStore, IWorkflowRunInbox, Task> action)
    {
        await using var scope = scopes.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<IWorkflowRunStore>(), scope.ServiceProvider.GetRequiredService<IWorkflowRunInbox>());
    }
}
