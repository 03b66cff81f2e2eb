using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Infrastructure.Events;
using Orchestrator.Infrastructure.Persistence;

namespace Orchestrator.Bench;

/// <summary>
/// (intake a) Alertmanager posts of 100 alerts each over real HTTP, several senders at once, through three phases a
/// group goes through: first notification (100 new alerts → one incident), re-sends of the same notification
/// (de-duplicated: nothing changes) and the resolved notification (100 resolves → auto-resolve). The alert.received
/// events go to the workflow runtime in the background meanwhile, as in production.
/// </summary>
internal static class IntakeThroughput
{
    private const int AlertsPerPost = 100;

    public static async Task MeasureAsync(int groups, int resends, int senders)
    {
        await using var host = await BenchHost.StartAsync();
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var created = await http.PostAsJsonAsync("/api/integrations", new
        {
            name = "bench-alertmanager",
            kind = "Alertmanager",
            service = "web",
            rateLimit = new { requestsPerSecond = 100_000, burst = 100_000 },
        });
        created.EnsureSuccessStatusCode();
        var key = (await created.Content.ReadFromJsonAsync<JsonObject>())!["key"]!.GetValue<string>();
        var url = $"/api/intake/alertmanager/{key}";
        var startsAt = DateTimeOffset.UtcNow.AddMinutes(-1);

        // Warm-up on groups of its own.
        await PhaseAsync(http, url, Enumerable.Range(0, 20).Select(g => AlertPayloads.Group($"warm{g}", AlertsPerPost, "firing", startsAt)).ToList(), senders);

        var names = Enumerable.Range(0, groups).Select(g => $"g{g}").ToList();
        var firing = names.Select(g => AlertPayloads.Group(g, AlertsPerPost, "firing", startsAt)).ToList();
        var resolved = names.Select(g => AlertPayloads.Group(g, AlertsPerPost, "resolved", startsAt)).ToList();

        var total = Stopwatch.StartNew();
        var opened = await PhaseAsync(http, url, firing, senders);
        Report("new alerts (1 incident per post)", opened, groups);
        var replays = TimeSpan.Zero;
        for (var r = 0; r < resends; r++)
        {
            replays += await PhaseAsync(http, url, firing, senders);
        }

        Report($"re-sent notifications ×{resends} (de-duplicated)", replays, groups * resends);
        var closed = await PhaseAsync(http, url, resolved, senders);
        Report("resolved alerts (auto-resolve)", closed, groups);
        total.Stop();
        var posts = groups * (2 + resends);
        Console.WriteLine($"  sustained, all phases: {posts * AlertsPerPost / total.Elapsed.TotalSeconds:F0} alerts/s ({posts} posts of {AlertsPerPost} in {total.Elapsed.TotalSeconds:F1} s, {senders} senders)");

        var publisher = host.Services.GetRequiredService<EventOutboxPublisher>();
        var backlog = Stopwatch.StartNew();
        await publisher.DrainAsync(CancellationToken.None);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrchestratorDbContext>();
        Console.WriteLine($"  alert.received events left after the posts: drained in {backlog.Elapsed.TotalSeconds:F1} s; {await db.Alerts.CountAsync()} alerts and {await db.Incidents.CountAsync()} incidents stored");
    }

    private static void Report(string phase, TimeSpan elapsed, int posts) =>
        Console.WriteLine($"  {phase}: {posts * AlertsPerPost / elapsed.TotalSeconds:F0} alerts/s ({posts / elapsed.TotalSeconds:F0} posts/s)");

    private static async Task<TimeSpan> PhaseAsync(HttpClient http, string url, IReadOnlyList<string> bodies, int senders)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, senders).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < bodies.Count)
            {
                using var response = await http.PostAsync(url, new StringContent(bodies[i], Encoding.UTF8, "application/json"));
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"Intake answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
            }
        }));
        return clock.Elapsed;
    }
}
