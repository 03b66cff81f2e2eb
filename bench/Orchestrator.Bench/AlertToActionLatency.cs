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
    /// <param name="alerts">How many alerts, one after another.</param>
    /// <param name="pause">Time between one alert's action and the next alert: zero measures back-to-back alerts
    /// (each POST overlaps the previous run's finish); a pause measures an alert arriving on a quiet server.</param>
    public static async Task MeasureAsync(int alerts, TimeSpan pause)
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
        var run = Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < alerts; i++)
        {
            var body = AlertPayloads.Group($"{run}-{i}", 1, "firing", startsAt);
            var fingerprint = $"{run}-{i}-0000";
            var invoked = ProbeAction.Invoked.GetOrAdd(fingerprint, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
            var sent = Stopwatch.GetTimestamp();
            using var response = await http.PostAsync($"/api/intake/alertmanager/{key}", new StringContent(body, Encoding.UTF8, "application/json"));
            response.EnsureSuccessStatusCode();
            var at = await invoked.Task.WaitAsync(TimeSpan.FromSeconds(30));
            if (i >= alerts / 10)
            {
                latencies.Add(Stopwatch.GetElapsedTime(sent, at).TotalMilliseconds);
            }

            if (pause > TimeSpan.Zero)
            {
                await Task.Delay(pause);
            }
        }

        var spacing = pause > TimeSpan.Zero ? $"{pause.TotalMilliseconds:F0} ms apart" : "back to back";
        Console.WriteLine($"  new alert POST → playbook's first action invoked ({spacing}): {Stats.Summary(latencies, "ms")}");
    }
}
