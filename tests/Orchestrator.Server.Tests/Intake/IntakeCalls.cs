using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Api;

namespace Orchestrator.Server.Tests.Intake;

/// <summary>
/// Helpers for the alert intake routes: integrations with unique names and services (so tests sharing a server never
/// see each other's incidents), Alertmanager webhook payloads in the real version 4 format, and the alert listings.
/// </summary>
public static class IntakeCalls
{
    /// <summary>What Alertmanager sends as endsAt while an alert is firing.</summary>
    public const string NotSet = "0001-01-01T00:00:00Z";

    /// <summary>A unique name of at most 40 characters, e.g. "prometheus-3f2a…".</summary>
    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 17, 40)];

    /// <summary>A fingerprint like Alertmanager's: 16 lowercase hex digits.</summary>
    public static string NewFingerprint() => Guid.NewGuid().ToString("N")[..16];

    /// <summary>RFC 3339 with milliseconds in UTC, as Prometheus sends startsAt.</summary>
    public static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A start time in the recent past, whole milliseconds.</summary>
    public static DateTimeOffset Recently(int minutesAgo = 5)
    {
        var now = DateTimeOffset.UtcNow.AddMinutes(-minutesAgo);
        return new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
    }

    // ---- Integrations -------------------------------------------------------------------------------------------

    public static Task<HttpResponseMessage> PostIntegrationAsync(this HttpClient client, JsonObject body) =>
        client.PostRawAsync("/api/integrations", body.ToJsonString());

    /// <summary>Creates an integration (201) from the body as given.</summary>
    public static async Task<JsonNode> CreateIntegrationAsync(this HttpClient client, JsonObject body) =>
        await (await client.PostIntegrationAsync(body)).ShouldBeAsync(HttpStatusCode.Created);

    /// <summary>Creates an Alertmanager integration with a unique name and service; <paramref name="settings"/> adds or
    /// overrides properties of the body.</summary>
    public static Task<JsonNode> CreateAlertmanagerIntegrationAsync(this HttpClient client, JsonObject? settings = null) =>
        client.CreateIntegrationAsync(IntegrationBody("Alertmanager", settings));

    /// <summary>The body of a new integration of <paramref name="kind"/> with a unique name and service.</summary>
    public static JsonObject IntegrationBody(string kind, JsonObject? settings = null)
    {
        var body = new JsonObject
        {
            ["name"] = Unique(kind.ToLowerInvariant()),
            ["kind"] = kind,
            ["service"] = Unique("svc"),
            ["category"] = "Monitoring",
        };
        foreach (var (name, value) in settings ?? [])
        {
            body[name] = value?.DeepClone();
        }

        return body;
    }

    public static async Task<JsonNode> GetIntegrationAsync(this HttpClient client, string id) =>
        await (await client.GetAsync($"/api/integrations/{id}")).ShouldBeAsync(HttpStatusCode.OK);

    public static async Task<JsonArray> ListIntegrationsAsync(this HttpClient client) =>
        (await (await client.GetAsync("/api/integrations?pageSize=200")).ShouldBeAsync(HttpStatusCode.OK))["items"]!.AsArray();

    // ---- Intake -------------------------------------------------------------------------------------------------

    public static Task<HttpResponseMessage> PostAlertmanagerAsync(this HttpClient client, string key, JsonNode payload) =>
        client.PostRawAsync($"/api/intake/alertmanager/{key}", payload.ToJsonString());

    /// <summary>Posts an Alertmanager notification and expects 200 <c>{ opened, updated, unchanged, incidentIds }</c>.</summary>
    public static async Task<JsonNode> SendAlertmanagerAsync(this HttpClient client, string key, JsonNode payload) =>
        await (await client.PostAlertmanagerAsync(key, payload)).ShouldBeAsync(HttpStatusCode.OK);

    public static Task<HttpResponseMessage> PostWebhookAsync(this HttpClient client, string key, JsonNode payload) =>
        client.PostRawAsync($"/api/intake/webhook/{key}", payload.ToJsonString());

    public static async Task<JsonNode> SendWebhookAsync(this HttpClient client, string key, JsonNode payload) =>
        await (await client.PostWebhookAsync(key, payload)).ShouldBeAsync(HttpStatusCode.OK);

    /// <summary>The incident ids of an intake answer, in order.</summary>
    public static List<string> IncidentIds(this JsonNode result) => result["incidentIds"].Strings().ToList();

    /// <summary>Asserts the counts of an intake answer.</summary>
    public static void ShouldCount(this JsonNode result, int opened, int updated, int unchanged)
    {
        var actual = (result.Int("opened"), result.Int("updated"), result.Int("unchanged"));
        actual.Should().Be((opened, updated, unchanged), "the intake answer was {0}", result.ToJsonString());
    }

    // ---- Alerts and incidents -----------------------------------------------------------------------------------

    public static async Task<JsonNode> SearchAlertsAsync(this HttpClient client, string query) =>
        await (await client.GetAsync($"/api/alerts?{query}")).ShouldBeAsync(HttpStatusCode.OK);

    /// <summary>Every alert of the integration (newest first).</summary>
    public static async Task<List<JsonNode>> AlertsOfIntegrationAsync(this HttpClient client, string integrationId)
    {
        var page = await client.SearchAlertsAsync($"integrationId={integrationId}&pageSize=200");
        return page["items"]!.AsArray().Select(a => a!).ToList();
    }

    public static async Task<int> AlertTotalAsync(this HttpClient client, string integrationId) =>
        (await client.SearchAlertsAsync($"integrationId={integrationId}")).Int("total");

    /// <summary>Every alert of the incident (newest first).</summary>
    public static async Task<List<JsonNode>> AlertsOfIncidentAsync(this HttpClient client, string incidentId)
    {
        var page = await (await client.GetAsync($"/api/incidents/{incidentId}/alerts?pageSize=200")).ShouldBeAsync(HttpStatusCode.OK);
        return page["items"]!.AsArray().Select(a => a!).ToList();
    }

    /// <summary>The incidents of a service (each integration here has its own service).</summary>
    public static async Task<List<JsonNode>> IncidentsOfServiceAsync(this HttpClient client, string service)
    {
        var page = await (await client.GetAsync($"/api/incidents?service={Uri.EscapeDataString(service)}&pageSize=200")).ShouldBeAsync(HttpStatusCode.OK);
        return page["items"]!.AsArray().Select(i => i!).ToList();
    }

    /// <summary>Asserts that nothing was stored for the integration: no alert and no incident of its service.</summary>
    public static async Task ShouldHaveStoredNothingAsync(this HttpClient client, JsonNode integration)
    {
        (await client.AlertTotalAsync(integration.Id())).Should().Be(0, "a rejected post stores no alert");
        (await client.IncidentsOfServiceAsync(integration.Str("service"))).Should().BeEmpty("a rejected post opens no incident");
    }

    public static async Task<JsonNode> ResolveIncidentAsync(this HttpClient client, string id) =>
        await client.MoveAsync(id, new { to = "Resolved", resolutionCode = "Fixed", notes = "Fixed by hand" });

    public static Task<HttpResponseMessage> PutIntegrationAsync(this HttpClient client, string id, JsonObject body) =>
        client.PutAsJsonAsync($"/api/integrations/{id}", body);

    // ---- Alertmanager payloads ----------------------------------------------------------------------------------

    /// <summary>One firing alert as Alertmanager sends it inside a notification.</summary>
    public static JsonObject FiringAlert(string alertName, string instance, DateTimeOffset startsAt, string? fingerprint = null,
        string? severity = "critical", string? summary = null, string? description = null, JsonObject? extraLabels = null)
    {
        var labels = new JsonObject
        {
            ["alertname"] = alertName,
            ["instance"] = instance,
            ["job"] = "node-exporter",
        };
        if (severity is not null)
        {
            labels["severity"] = severity;
        }

        foreach (var (name, value) in extraLabels ?? [])
        {
            labels[name] = value?.DeepClone();
        }

        var annotations = new JsonObject();
        if (summary is not null)
        {
            annotations["summary"] = summary;
        }

        if (description is not null)
        {
            annotations["description"] = description;
        }

        var alert = new JsonObject
        {
            ["status"] = "firing",
            ["labels"] = labels,
            ["annotations"] = annotations,
            ["startsAt"] = Time(startsAt),
            ["endsAt"] = NotSet,
            ["generatorURL"] = $"http://prometheus.example.com:9090/graph?g0.expr=rate%28http_requests_total%7Bcode%3D~%225..%22%7D%5B5m%5D%29+%3E+0.05&g0.tab=1&alert={alertName}",
        };
        if (fingerprint is not null)
        {
            alert["fingerprint"] = fingerprint;
        }

        return alert;
    }

    /// <summary>The same alert as Alertmanager reports it once resolved: status "resolved" and endsAt set.</summary>
    public static JsonObject Resolved(this JsonObject firing, DateTimeOffset? endsAt = null)
    {
        var resolved = (JsonObject)firing.DeepClone();
        resolved["status"] = "resolved";
        resolved["endsAt"] = Time(endsAt ?? DateTimeOffset.UtcNow);
        return resolved;
    }

    /// <summary>A copy of the alert with another startsAt: a new firing of the same fingerprint.</summary>
    public static JsonObject StartingAt(this JsonObject alert, DateTimeOffset startsAt)
    {
        var copy = (JsonObject)alert.DeepClone();
        copy["startsAt"] = Time(startsAt);
        return copy;
    }

    /// <summary>
    /// A version 4 webhook notification for one group: groupLabels by alertname, commonLabels and commonAnnotations as
    /// the intersection of the alerts', status "firing" while any alert fires. The group key defaults to Alertmanager's
    /// <c>{}:{alertname="…"}</c> for the first alert's alertname.
    /// </summary>
    public static JsonObject Notification(string? groupKey, params JsonObject[] alerts)
    {
        var alertName = alerts.Length > 0 ? alerts[0]["labels"]?["alertname"]?.GetValue<string>() ?? "Unknown" : "Unknown";
        var array = new JsonArray(alerts.Select(a => (JsonNode)a.DeepClone()).ToArray());
        return new JsonObject
        {
            ["receiver"] = "orchestrator",
            ["status"] = alerts.Any(a => a["status"]?.GetValue<string>() == "firing") ? "firing" : "resolved",
            ["alerts"] = array,
            ["groupLabels"] = new JsonObject { ["alertname"] = alertName },
            ["commonLabels"] = Common(alerts, "labels"),
            ["commonAnnotations"] = Common(alerts, "annotations"),
            ["externalURL"] = "http://alertmanager.example.com:9093",
            ["version"] = "4",
            ["groupKey"] = groupKey ?? $"{{}}:{{alertname=\"{alertName}\"}}",
            ["truncatedAlerts"] = 0,
        };
    }

    /// <summary>A notification with the default group key.</summary>
    public static JsonObject Notification(params JsonObject[] alerts) => Notification(null, alerts);

    private static JsonObject Common(JsonObject[] alerts, string field)
    {
        var common = new JsonObject();
        if (alerts.Length == 0 || alerts[0][field] is not JsonObject first)
        {
            return common;
        }

        foreach (var (name, value) in first)
        {
            var text = value?.GetValue<string>();
            if (alerts.All(a => a[field]?[name]?.GetValue<string>() == text))
            {
                common[name] = text;
            }
        }

        return common;
    }
}
