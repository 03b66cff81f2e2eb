using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Orchestrator.Workflows.Runtime.Events;

/// <summary>
/// In-process publication of run events after each commit, for live views (the designer's instance viewer over
/// SignalR) and tests. Slow subscribers lose the oldest events rather than slow the runtime down.
/// </summary>
public sealed class WorkflowEventHub
{
    private readonly ConcurrentDictionary<Guid, (Func<WorkflowEvent, bool>? Filter, Channel<WorkflowEvent> Channel)> _subscribers = new();

    public void Publish(IEnumerable<WorkflowEvent> events)
    {
        if (_subscribers.IsEmpty)
        {
            return;
        }

        foreach (var workflowEvent in events)
        {
            foreach (var (filter, channel) in _subscribers.Values)
            {
                if (filter is null || filter(workflowEvent))
                {
                    channel.Writer.TryWrite(workflowEvent);
                }
            }
        }
    }

    /// <summary>Receives the events published from now until the token is cancelled (those the filter accepts, e.g. one run's).</summary>
    public async IAsyncEnumerable<WorkflowEvent> SubscribeAsync(Func<WorkflowEvent, bool>? filter = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var id = Guid.NewGuid();
        var channel = Channel.CreateBounded<WorkflowEvent>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });
        _subscribers[id] = (filter, channel);
        try
        {
            await foreach (var workflowEvent in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return workflowEvent;
            }
        }
        finally
        {
            _subscribers.TryRemove(id, out _);
        }
    }
}
