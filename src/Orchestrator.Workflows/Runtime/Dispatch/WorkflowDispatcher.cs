using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Orchestrator.Workflows.Runtime.Dispatch;

/// <summary>
/// The bounded worker pool: instances that have work are queued here (by id, once) and run by a fixed number of
/// workers. The store's leases keep an instance on one worker even across nodes; this queue only makes it fast.
/// </summary>
public sealed class WorkflowDispatcher(RuntimeOptions options, ILogger<WorkflowDispatcher> logger)
{
    private readonly Channel<string> _queue = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = false });
    private readonly ConcurrentDictionary<string, byte> _pending = new(StringComparer.Ordinal);

    /// <summary>Asks for a turn of the instance (queued once however often it is asked for until a worker takes it).</summary>
    public void Enqueue(string instanceId)
    {
        if (_pending.TryAdd(instanceId, 0))
        {
            _queue.Writer.TryWrite(instanceId);
        }
    }

    /// <summary>Runs the workers until <paramref name="stopping"/> is cancelled.</summary>
    /// <param name="runTurns">Runs an instance's turns (in its own DI scope).</param>
    /// <param name="stopping">Stops the workers.</param>
    public Task RunAsync(Func<string, CancellationToken, Task> runTurns, CancellationToken stopping) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Workers)).Select(_ => WorkAsync(runTurns, stopping)));

    private async Task WorkAsync(Func<string, CancellationToken, Task> runTurns, CancellationToken stopping)
    {
        try
        {
            await foreach (var instanceId in _queue.Reader.ReadAllAsync(stopping))
            {
                _pending.TryRemove(instanceId, out _);
                try
                {
                    await runTurns(instanceId, stopping);
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    // The run stays in the store; the poller offers it again.
                    logger.LogError(e, "Turn of workflow instance {InstanceId} failed", instanceId);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }
}
