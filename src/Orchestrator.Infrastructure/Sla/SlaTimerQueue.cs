using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestrator.Incidents.Sla;

namespace Orchestrator.Infrastructure.Sla;

/// <summary>
/// Schedules SLA timers off the request that moved the clocks: after its transaction has committed (Quartz writes to
/// the same database, and a SQLite writer would wait on itself), and without making an incident change wait for
/// Quartz. Timers of one clock are applied in the order they were queued, so the latest wins.
/// </summary>
public sealed class SlaTimerQueue(ISlaScheduler scheduler, ILogger<SlaTimerQueue> logger) : BackgroundService
{
    private readonly Channel<IReadOnlyList<SlaTimer>> _queue = Channel.CreateUnbounded<IReadOnlyList<SlaTimer>>(new UnboundedChannelOptions { SingleReader = true });
    private int _pending;

    /// <summary>Timers queued or being scheduled (tests wait for 0).</summary>
    public int Pending => Volatile.Read(ref _pending);

    public void Enqueue(IReadOnlyList<SlaTimer> timers)
    {
        Interlocked.Add(ref _pending, timers.Count);
        _queue.Writer.TryWrite(timers);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var first in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            // Whatever else is waiting goes in the same pass; only the latest timer of each clock counts.
            var batch = new List<SlaTimer>(first);
            while (_queue.Reader.TryRead(out var more))
            {
                batch.AddRange(more);
            }

            var latest = batch.GroupBy(t => (t.IncidentId, t.Kind)).Select(g => g.Last()).ToList();
            try
            {
                await scheduler.ScheduleAsync(latest, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Scheduling {Count} SLA timer(s) failed; the start-up sweep will schedule them", latest.Count);
            }
            finally
            {
                Interlocked.Add(ref _pending, -batch.Count);
            }
        }
    }
}
