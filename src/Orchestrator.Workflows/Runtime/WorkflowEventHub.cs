using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Orchestrator.Workflows.Runtime;

/// <summary>
/// In-process publication of run events after each commit, for live views (the designer's instance viewer over
/// SignalR) and tests. Slow subscribers lose the oldest events rather than slow the runtime down.
/// </summary>
public sealed class WorkflowEventHub
{
    private readonly ConcurrentDictionary<Guid, Channel<WorkflowEvent>> _subscribers = new();

    public void Publish(IEnumerable<WorkflowEvent> events)
    {
        if (_subscribers.IsEmpty)
        {
            return;
        }

        foreach (var workflowEvent in events)
        {
            foreach (var subscriber in _subscribers.Values)
            {
                subscriber.Writer.TryWrite(workflowEvent);
            }
        }
    }

    /// <summary>Receives every event published from now until the token is cancelled.</summary>
    public async IAsyncEnumerable<WorkflowEvent> SubscribeAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        var channel = Channel.CreateBounded<WorkflowEvent>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });
        _subscribers[id] = channel;
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
