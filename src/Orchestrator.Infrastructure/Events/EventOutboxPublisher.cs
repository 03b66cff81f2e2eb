using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestrator.Incidents;
using Orchestrator.Incidents.Intake;
using Orchestrator.Incidents.Timeline;
using Orchestrator.Infrastructure.Persistence;
using Orchestrator.Workflows.Runtime;
using Orchestrator.Workflows.Runtime.Events;
using Orchestrator.Workflows.Runtime.Turns;

namespace Orchestrator.Infrastructure.Events;

/// <summary>
/// Hands the events stored in the outboxes — incident events (<c>incident.created</c>, <c>incident.transitioned</c>…) and
/// the intake's <c>alert.received</c> — to the workflow runtime, oldest first, and deletes each once delivered. The
/// runs they start are noted on their incidents' timelines. Woken by <see cref="OutboxSignal"/> after a commit; also
/// drains on start and every few seconds, so events committed just before a crash are delivered after the restart.
/// Each event carries a delivery id and its time, so a second hand-off (a crash between delivery and delete, or two
/// nodes) starts no run twice and starts what the first one missed.
/// </summary>
public sealed class EventOutboxPublisher(IServiceScopeFactory scopes, OutboxSignal signal, ILogger<EventOutboxPublisher> logger) : BackgroundService
{
    private const int AlertBatchSize = 20; // intake requests; up to a few thousand events
    private const int IncidentBatchSize = 500;
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim _oneDrain = new(1, 1);

    /// <summary>Asks for a drain soon; cheap and safe to call from any thread.</summary>
    public void Notify() => signal.Notify();

    /// <summary>Delivers every waiting event; returns how many were delivered. Used by the loop and by tests. One drain
    /// at a time on this node (two at once would hand the same rows over twice); a second node racing this one loses
    /// on the delivery id and delivers the rest on its next pass.</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        await _oneDrain.WaitAsync(cancellationToken);
        try
        {
            var delivered = 0;
            while (true)
            {
                var count = await DeliverIncidentEventsAsync(cancellationToken) + await DeliverAlertEventsAsync(cancellationToken);
                if (count == 0)
                {
                    return delivered;
                }

                delivered += count;
            }
        }
        finally
        {
            _oneDrain.Release();
        }
    }

    private async Task<int> DeliverIncidentEventsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrchestratorDbContext>();
        var events = await db.IncidentEventOutbox.AsNoTracking().OrderBy(e => e.Id).Take(IncidentBatchSize).ToListAsync(cancellationToken);
        if (events.Count == 0)
        {
            return 0;
        }

        // incident.created cannot be awaited by a run that exists already, so it is not kept; the others are, for a
        // wait (WaitForIncidentState) that is being set up as the incident moves.
        var stimuli = events
            .Select(e => new Stimulus(e.Name, e.IncidentId.ToString(), e.ReadPayload(), e.DeliveryId,
                KeepUnmatched: e.Name != Incidents.Events.IncidentEventNames.Created, OccurredAt: e.CreatedAt))
            .ToList();
        await DeliverAsync(scope.ServiceProvider, stimuli, cancellationToken);
        var ids = events.Select(e => e.Id).ToList();
        await db.IncidentEventOutbox.Where(e => ids.Contains(e.Id)).ExecuteDeleteAsync(cancellationToken);
        return events.Count;
    }

    private async Task<int> DeliverAlertEventsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrchestratorDbContext>();
        var batches = await db.AlertEventOutbox.AsNoTracking().OrderBy(e => e.Id).Take(AlertBatchSize).ToListAsync(cancellationToken);
        if (batches.Count == 0)
        {
            return 0;
        }

        // Alert events only start workflows or resume waits already there: they are not kept for later waits.
        var stimuli = batches
            .SelectMany(b => b.Read().Select(e => new Stimulus(AlertEventBatch.EventName, e.CorrelationId, e.Payload, e.DeliveryId,
                KeepUnmatched: false, OccurredAt: b.CreatedAt)))
            .ToList();
        await DeliverAsync(scope.ServiceProvider, stimuli, cancellationToken);
        var ids = batches.Select(b => b.Id).ToList();
        await db.AlertEventOutbox.Where(e => ids.Contains(e.Id)).ExecuteDeleteAsync(cancellationToken);
        return stimuli.Count;
    }

    /// <summary>Sends the events and notes the runs they started on the incidents they are about.</summary>
    private static async Task DeliverAsync(IServiceProvider services, IReadOnlyList<Stimulus> stimuli, CancellationToken cancellationToken)
    {
        var results = await services.GetRequiredService<WorkflowOperations>().SendEventsAsync(stimuli, cancellationToken);
        var started = new List<RunStarted>();
        for (var i = 0; i < stimuli.Count; i++)
        {
            if (Guid.TryParse(stimuli[i].CorrelationId, out var incidentId))
            {
                started.AddRange(results[i].StartedRuns.Select(r => new RunStarted(incidentId, r.InstanceId, r.DefinitionId, r.Version, r.Trigger)));
            }
        }

        await services.GetRequiredService<IncidentService>().NoteRunsStartedAsync(started, cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DrainAsync(stoppingToken);
                await signal.WaitAsync(IdlePoll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Handing outbox events to the workflow runtime failed; retrying in {Delay}", IdlePoll);
                await Task.Delay(IdlePoll, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
