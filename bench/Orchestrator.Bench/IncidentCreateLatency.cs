using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Quartz;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Infrastructure.Persistence;
using Orchestrator.Infrastructure.Sla;
using Orchestrator.Workflows.Runtime.Events;
using Orchestrator.Workflows.Runtime.Instances;

namespace Orchestrator.Bench;

/// <summary>
/// (issue 11 a) An incident created through <c>POST /api/incidents</c>: how long the request takes, and how long until
/// its lifecycle run (triggered by <c>incident.created</c> through the outbox) is started and waiting, with its two SLA
/// clocks' timers scheduled in Quartz. Incidents are created one after another at a steady rate, as people and
/// monitoring do, on SQLite.
/// </summary>
internal static class IncidentCreateLatency
{
    public static async Task MeasureAsync(int incidents, int perSecond)
    {
        await using var host = await BenchHost.StartAsync();
        await host.PublishAsync(Flowcharts.Lifecycle("lifecycle"));
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        using var stop = new CancellationTokenSource();
        var waiting = new ConcurrentDictionary<string, long>();
        var listener = Task.Run(async () =>
        {
            await foreach (var e in host.Events.SubscribeAsync(e => e is { Kind: WorkflowEventKind.StatusChanged, Detail: nameof(WorkflowStatus.Suspended) }, stop.Token))
            {
                waiting.TryAdd(e.InstanceId, Stopwatch.GetTimestamp());
            }
        });

        var created = new Dictionary<string, long>();
        var requests = new List<double>();
        var pause = TimeSpan.FromSeconds(1.0 / perSecond);
        for (var i = 0; i < incidents; i++)
        {
            var sent = Stopwatch.GetTimestamp();
            var response = await http.PostAsJsonAsync("/api/incidents", new { title = $"Bench incident {i}", impact = 1 + i % 3, urgency = 1 + i / 3 % 3, service = "bench" });
            var body = await response.Content.ReadFromJsonAsync<JsonObject>();
            if (i >= incidents / 10)
            {
                requests.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                created[body!["id"]!.GetValue<string>()] = sent;
            }

            await Task.Delay(pause);
        }

        var queue = host.Services.GetRequiredService<SlaTimerQueue>();
        var drained = Stopwatch.StartNew();
        while (queue.Pending > 0 && drained.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(5);
        }

        await Task.Delay(500);
        await stop.CancelAsync();
        await listener.ContinueWith(_ => { }, TaskScheduler.Default);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrchestratorDbContext>();
        var runs = await db.WorkflowInstances.AsNoTracking().Where(r => r.DefinitionId == "lifecycle").Select(r => new { r.Id, r.CorrelationId }).ToListAsync();
        var started = runs.Where(r => r.CorrelationId is not null && created.ContainsKey(r.CorrelationId) && waiting.ContainsKey(r.Id))
            .Select(r => Stopwatch.GetElapsedTime(created[r.CorrelationId!], waiting[r.Id]).TotalMilliseconds).ToList();
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var triggers = (await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals("sla"))).Count;

        Console.WriteLine($"  POST /api/incidents: {Stats.Summary(requests, "ms")}");
        Console.WriteLine($"  created → lifecycle run started and waiting: {Stats.Summary(started, "ms")} ({started.Count} of {created.Count} measured)");
        Console.WriteLine($"  SLA timers: {triggers} Quartz triggers for {incidents} incidents (2 clocks each), queue drained {drained.Elapsed.TotalMilliseconds:F0} ms after the last create");
    }
}
