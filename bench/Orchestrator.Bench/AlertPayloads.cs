using System.Text.Json.Nodes;

namespace Orchestrator.Bench;

/// <summary>Alertmanager webhook notifications (version 4) as Alertmanager sends them.</summary>
internal static class AlertPayloads
{
    /// <summary>One group's notification: <paramref name="size"/> alerts of one alertname on different instances.</summary>
    public static string Group(string group, int size, string status, DateTimeOffset startsAt)
    {
        var alerts = new JsonArray();
        for (var i = 0; i < size; i++)
        {
            alerts.Add(new JsonObject
            {
                ["status"] = status,
                ["labels"] = new JsonObject { ["alertname"] = "HighLatency", ["group"] = group, ["instance"] = $"web-{i}:9100", ["job"] = "web", ["severity"] = "critical" },
                ["annotations"] = new JsonObject { ["summary"] = $"p99 latency above 2 s on web-{i}", ["description"] = "The 5-minute p99 request latency is above the SLO." },
                ["startsAt"] = startsAt.ToString("O"),
                ["endsAt"] = status == "resolved" ? startsAt.AddMinutes(5).ToString("O") : "0001-01-01T00:00:00Z",
                ["generatorURL"] = "http://prometheus:9090/graph?g0.expr=latency",
                ["fingerprint"] = $"{group}-{i:D4}",
            });
        }

        return new JsonObject
        {
            ["version"] = "4",
            ["groupKey"] = $"{{}}:{{alertname=\"HighLatency\", group=\"{group}\"}}",
            ["truncatedAlerts"] = 0,
            ["status"] = status,
            ["receiver"] = "orchestrator",
            ["groupLabels"] = new JsonObject { ["alertname"] = "HighLatency", ["group"] = group },
            ["commonLabels"] = new JsonObject { ["alertname"] = "HighLatency", ["group"] = group, ["job"] = "web", ["severity"] = "critical" },
            ["commonAnnotations"] = new JsonObject(),
            ["externalURL"] = "http://alertmanager:9093",
            ["alerts"] = alerts,
        }.ToJsonString();
    }
}
