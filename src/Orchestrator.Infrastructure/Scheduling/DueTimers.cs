using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orchestrator.Workflows.Runtime.Storage;
using Orchestrator.Workflows.Runtime.Dispatch;

namespace Orchestrator.Infrastructure.Scheduling;

/// <summary>
/// Timers that fell due, resumed in batches: many runs started together have timers falling due together, and one
/// transaction for a batch beats one per timer on a single-writer database. A timer lost here (a crash between Quartz
/// firing and the batch committing) is caught by the runtime's sweep of due bookmarks.
/// </summary>
public sealed class DueTimers(IServiceScopeFactory scopes, WorkflowDispatcher dispatcher, ILogger<DueTimers> logger) : IDisposable
{
    private const int MaxBatch = 256;
    private readonly Channel<(string BookmarkId, JsonNode? Payload, IDisposable Work)> _due = Channel.CreateUnbounded<(string, JsonNode?, IDisposable)>();
    private readonly CancellationTokenSource _stopping = new();
    private int _started;

    public void Add(string bookmarkId, JsonNode? payload)
    {
        // Quartz fires jobs on several threads at once: exactly one of them starts the drain loop.
        if (Interlocked.CompareExchange(ref _started, 1, 0) == 0)
        {
            _ = Task.Run(DrainAsync);
        }

        _due.Writer.TryWrite((bookmarkId, payload, dispatcher.TrackWork()));
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private async Task DrainAsync()
    {
        var batch = new List<(string, JsonNode?)>(MaxBatch);
        var work = new List<IDisposable>(MaxBatch);
        try
        {
            while (await _due.Reader.WaitToReadAsync(_stopping.Token))
            {
                batch.Clear();
                work.Clear();
                while (batch.Count < MaxBatch && _due.Reader.TryRead(out var item))
                {
                    batch.Add((item.BookmarkId, item.Payload));
                    work.Add(item.Work);
                }

                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var store = scope.ServiceProvider.GetRequiredService<IWorkflowRunInbox>();
                    foreach (var instanceId in await store.ResumeBookmarksAsync(batch, _stopping.Token))
                    {
                        dispatcher.Enqueue(instanceId);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Could not resume {Count} due timer(s); the sweep of due bookmarks will", batch.Count);
                }
                finally
                {
                    work.ForEach(w => w.Dispose());
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
