using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestrator.Incidents.Intake;
using Orchestrator.Infrastructure.Persistence;
using Orchestrator.Workflows.Runtime;
using Orchestrator.Workflows.Runtime.Turns;

namespace Orchestrator.Infrastructure.Intake;

/// <summary>
/// Hands stored alert events (the intake's outbox) to the workflow runtime as <c>alert.received</c> events, oldest
/// first, and deletes each once delivered. Woken by <see cref="Notify"/> after an intake commit; also drains on start
/// and every few seconds, so events committed just before a crash are delivered after the restart. Each event carries
/// a delivery id, so a second hand-off (a crash between delivery and delete, or two nodes) changes nothing.
/// </summary>
public sealed class AlertEventPublisher(IServiceScopeFactory scopes, ILogger<AlertEventPublisher> logger) : BackgroundService
{
    private const int BatchSize = 20; // intake requests; up to a few thousand events
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>Asks for a drain soon; cheap and safe to call from any thread.</summary>
    public void Notify()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another caller woke it first.
            }
        }
    }

    /// <summary>Delivers every waiting event; returns how many were delivered. Used by the loop and by tests.</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        var delivered = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OrchestratorDbContext>();
            var operations = scope.ServiceProvider.GetRequiredService<WorkflowOperations>();
            var batches = await db.AlertEventOutbox.AsNoTracking().OrderBy(e => e.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (batches.Count == 0)
            {
                return delivered;
            }

            // Alert events only start workflows or resume waits already there: they are not kept for later waits.
            var stimuli = batches.SelectMany(b => b.Read())
                .Select(e => new Stimulus(AlertEventBatch.EventName, e.CorrelationId, e.Payload, e.DeliveryId, KeepUnmatched: false))
                .ToList();
            await operations.SendEventsAsync(stimuli, cancellationToken);
            var ids = batches.Select(b => b.Id).ToList();
            await db.AlertEventOutbox.Where(e => ids.Contains(e.Id)).ExecuteDeleteAsync(cancellationToken);
            delivered += stimuli.Count;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DrainAsync(stoppingToken);
                await _wake.WaitAsync(IdlePoll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Handing alert events to the workflow runtime failed; retrying in {Delay}", IdlePoll);
                await Task.Delay(IdlePoll, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
