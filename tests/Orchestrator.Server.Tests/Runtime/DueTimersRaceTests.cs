using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.Infrastructure.Scheduling;
using Orchestrator.Server.Tests.Hosting;
using Orchestrator.Workflows.Runtime;
using Orchestrator.Workflows.Runtime.Dispatch;
using Orchestrator.Workflows.Runtime.Instances;
using Orchestrator.Workflows.Runtime.Storage;

namespace Orchestrator.Server.Tests.Runtime;

/// <summary>
/// Quartz fires timer jobs on several threads at once. Before the fix <see cref="DueTimers"/> started its drain loop
/// with <c>_loop ??= Task.Run(...)</c>, so two threads could each start one and two batches ran at once. That window
/// is the few microseconds of one <c>Task.Run</c> call and cannot be forced from outside, so this test checks the
/// property the fix guarantees rather than replaying the race: many threads add due timers together over the real
/// store; at most one batch is resuming at any moment, and every timer is resumed exactly once.
/// </summary>
public sealed class DueTimersRaceTests : IAsyncLifetime
{
    private OrchestratorServer _server = null!;

    public async Task InitializeAsync() => _server = await OrchestratorServer.StartAsync(TestDatabase.Sqlite());

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Timers_added_from_many_threads_at_once_are_resumed_by_one_loop_each_exactly_once()
    {
        var inbox = new ObservedInbox(_server.Services);
        var services = new ServiceCollection().AddScoped<IWorkflowRunInbox>(_ => inbox).BuildServiceProvider();
        var dispatcher = new WorkflowDispatcher(new RuntimeOptions(), NullLogger<WorkflowDispatcher>.Instance);
        using var due = new DueTimers(services.GetRequiredService<IServiceScopeFactory>(), dispatcher, NullLogger<DueTimers>.Instance);
        const int threads = 8;
        using var start = new Barrier(threads);

        await Task.WhenAll(Enumerable.Range(0, threads).Select(t => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < 10; i++)
            {
                due.Add($"bm-{t}-{i}", null);
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))); // own threads: blocking pool threads at a barrier starves the pool
        await dispatcher.WhenIdleAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        inbox.MostAtOnce.Should().Be(1, "one drain loop resumes one batch at a time");
        inbox.Resumed.Should().HaveCount(threads * 10).And.OnlyHaveUniqueItems();
    }

    /// <summary>The server's real inbox, watched: how many batches resume at once, and which bookmarks were asked for.</summary>
    private sealed class ObservedInbox(IServiceProvider server) : IWorkflowRunInbox
    {
        private int _now;
        private int _most;

        public int MostAtOnce => _most;

        public System.Collections.Concurrent.ConcurrentBag<string> Resumed { get; } = [];

        public async Task<IReadOnlyList<string>> ResumeBookmarksAsync(IReadOnlyList<(string BookmarkId, JsonNode? Payload)> resumptions, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref _now);
            InterlockedMax(ref _most, now);
            try
            {
                foreach (var (id, _) in resumptions)
                {
                    Resumed.Add(id);
                }

                await Task.Yield(); // let a second loop, were there one, overlap this batch
                await using var scope = server.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<IWorkflowRunInbox>().ResumeBookmarksAsync(resumptions, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _now);
            }
        }

        public Task PostAsync(string instanceId, InboxMessageKind kind, string? bookmarkId, JsonNode? payload, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<string>> ResumeDueBookmarksAsync(DateTimeOffset now, int max, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> ResumeBookmarkAsync(string bookmarkId, JsonNode? payload, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<EventDelivery>> DeliverEventsAsync(IReadOnlyList<EventToDeliver> events, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<int> ForgetDeliveriesAsync(DateTimeOffset receivedBefore, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<string>> DeliverKeptEventsAsync(string? instanceId, DateTimeOffset now, CancellationToken cancellationToken) => throw new NotSupportedException();

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
            }
        }
    }
}
