using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Orchestrator.Workflows.Runtime.Dispatch;

/// <summary>
/// The bounded worker pool: instances that have work are queued here (by id, once) and run by a fixed number of
/// workers. The store's leases keep an instance on one worker even across nodes; this queue only makes it fast.
/// It also knows when the runtime is idle — no turn queued or running and no work tracked with <see cref="TrackWork"/>
/// (an action running off the turn, a due timer being resumed) — so a test can assert that nothing more happens
/// once everything set in motion has settled, instead of sleeping and hoping (<see cref="WhenIdleAsync"/>).
/// </summary>
public sealed class WorkflowDispatcher(RuntimeOptions options, ILogger<WorkflowDispatcher> logger)
{
    private readonly Channel<string> _queue = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = false });
    private readonly ConcurrentDictionary<string, byte> _pending = new(StringComparer.Ordinal);
    private readonly Lock _idleGate = new();
    private int _busy;
    private TaskCompletionSource? _idle;

    /// <summary>Asks for a turn of the instance (queued once however often it is asked for until a worker takes it).</summary>
    public void Enqueue(string instanceId)
    {
        if (_pending.TryAdd(instanceId, 0))
        {
            Busy();
            _queue.Writer.TryWrite(instanceId);
        }
    }

    /// <summary>Counts work that will enqueue turns when it ends (an action running off the turn, a batch of due timers):
    /// the runtime is not idle until the returned handle is disposed. Enqueue what the work causes before disposing it.</summary>
    public IDisposable TrackWork()
    {
        Busy();
        return new TrackedWork(this);
    }

    /// <summary>Completes when no turn is queued or running and no tracked work is under way. Runs waiting for a timer,
    /// an event or an approval are idle; a hanging action is not.</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        lock (_idleGate)
        {
            if (_busy == 0)
            {
                return Task.CompletedTask;
            }

            _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _idle.Task.WaitAsync(cancellationToken);
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
                finally
                {
                    Done();
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private void Busy()
    {
        lock (_idleGate)
        {
            _busy++;
        }
    }

    private void Done()
    {
        TaskCompletionSource? idle = null;
        lock (_idleGate)
        {
            if (--_busy == 0)
            {
                (idle, _idle) = (_idle, null);
            }
        }

        idle?.TrySetResult();
    }

    private sealed class TrackedWork(WorkflowDispatcher dispatcher) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                dispatcher.Done();
            }
        }
    }
}
