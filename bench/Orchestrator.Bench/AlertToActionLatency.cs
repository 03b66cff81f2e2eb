using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Workflows.Activities;

namespace Orchestrator.Bench;

/// <summary>
/// (intake b) From the POST of a new alert (Alertmanager webhook, real HTTP) to the first action of the playbook it
/// triggers being invoked: intake commit, outbox hand-off, trigger match, run start, action dispatch. One alert at a
/// time; the first tenth warms up.
/// </summary>
internal static class AlertToActionLatency
{
    public static async Task MeasureAsync(int alerts)
    {
        await using var host = await BenchHost.StartAsync(services =>
            services.AddSingleton<IActivityRegistry>(new ActivityRegistry([.. ActivityRegistry.BuiltIn(), new ProbeAction()])));
        await host.PublishAsync(Flowcharts.AlertPlaybook("on-alert"));
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var created = await http.PostAsJsonAsync("/api/integrations", new
        {
            name = "bench-latency",
            kind = "Alertmanager",
            rateLimit = new { requestsPerSecond = 100_000, burst = 100_000 },
        });
        created.EnsureSuccessStatusCode();
        var key = (await created.Content.ReadFromJsonAsync<JsonObject>())!["key"]!.GetValue<string>();

        var latencies = new List<double>();
        var startsAt = DateTimeOffset.UtcNow;
        for (var i = 0; i < alerts; i++)
        {
            var body = AlertPayloads.Group($"lat{i}", 1, "firing", startsAt);
            var fingerprint = $"lat{i}-0000";
            var invoked = ProbeAction.Invoked.GetOrAdd(fingerprint, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
            var sent = Stopwatch.GetTimestamp();
            using var response = await http.PostAsync($"/api/intake/alertmanager/{key}", new StringContent(body, Encoding.UTF8, "application/json"));
            response.EnsureSuccessStatusCode();
            var at = await invoked.Task.WaitAsync(TimeSpan.FromSeconds(30));
            if (i >= alerts / 10)
            {
                latencies.Add(Stopwatch.GetElapsedTime(sent, at).TotalMilliseconds);
            }
        }

        Console.WriteLine($"  new alert POST → playbook's first action invoked: {Stats.Summary(latencies, "ms")}");
    }
}
