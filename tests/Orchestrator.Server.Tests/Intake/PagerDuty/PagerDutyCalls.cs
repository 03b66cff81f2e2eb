using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Api;
using Orchestrator.Tests.Shared;

namespace Orchestrator.Server.Tests.Intake.PagerDuty;

/// <summary>
/// PagerDuty integrations and the Events API v2 routes (<c>/v2/enqueue</c>, <c>/v2/change/enqueue</c>) as the tests use
/// them. Tests in a class share one server, so every integration, service and dedup key is unique per test.
/// </summary>
public static class PagerDutyCalls
{
    /// <summary>Generous enough that no test but the rate-limit one ever meets the limit.</summary>
    public static readonly object NoLimit = new { requestsPerSecond = 1000, burst = 1000 };

    /// <summary>A fresh lowercase name with a prefix (integration names, services, dedup keys).</summary>
    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    /// <summary>Creates a PagerDuty integration and returns it (with <c>id</c>, <c>key</c>, <c>name</c>, <c>service</c>).</summary>
    public static async Task<JsonNode> CreatePagerDutyIntegrationAsync(this HttpClient client, string service = "payments",
        object? rateLimit = null, bool? autoResolve = null, string? name = null)
    {
        var response = await client.PostAsJsonAsync("/api/integrations", new
        {
            name = name ?? Unique("pd"),
            kind = "PagerDuty",
            service,
            rateLimit = rateLimit ?? NoLimit,
            autoResolve,
        });
        var integration = await response.ShouldBeAsync(HttpStatusCode.Created);
        integration.Str("key").Should().MatchRegex("^[a-z0-9]{32}$");
        return integration;
    }

    public static string Key(this JsonNode integration) => integration.Str("key");

    // ---- events ----

    /// <summary>A trigger event with every documented field; <paramref name="dedupKey"/> null leaves it out.</summary>
    public static JsonObject Trigger(string routingKey, string? dedupKey, string summary = "Payment API p99 latency above 2 s",
        string severity = "critical", string source = "api-1.payments.example.com")
    {
        var body = new JsonObject
        {
            ["routing_key"] = routingKey,
            ["event_action"] = "trigger",
            ["payload"] = new JsonObject
            {
                ["summary"] = summary,
                ["source"] = source,
                ["severity"] = severity,
                ["timestamp"] = "2026-11-27T10:00:00.000+01:00",
                ["component"] = "api",
                ["class"] = "latency",
                ["custom_details"] = new JsonObject { ["p99_ms"] = 2350, ["region"] = "eu-west-1" },
            },
            ["client"] = "Synthetic monitor",
            ["client_url"] = "https://monitor.example.com/checks/42",
            ["links"] = new JsonArray(new JsonObject { ["href"] = "https://grafana.example.com/d/payments", ["text"] = "Dashboard" }),
            ["images"] = new JsonArray(new JsonObject { ["src"] = "https://grafana.example.com/render/p99.png", ["alt"] = "p99" }),
        };
        if (dedupKey is not null)
        {
            body["dedup_key"] = dedupKey;
        }

        return body;
    }

    /// <summary>An acknowledge or resolve event.</summary>
    public static JsonObject Action(string routingKey, string action, string? dedupKey) =>
        dedupKey is null
            ? new JsonObject { ["routing_key"] = routingKey, ["event_action"] = action }
            : new JsonObject { ["routing_key"] = routingKey, ["event_action"] = action, ["dedup_key"] = dedupKey };

    public static Task<HttpResponseMessage> EnqueueAsync(this HttpClient client, JsonNode body) =>
        client.PostRawAsync("/v2/enqueue", body.ToJsonString());

    public static Task<HttpResponseMessage> EnqueueChangeAsync(this HttpClient client, JsonNode body) =>
        client.PostRawAsync("/v2/change/enqueue", body.ToJsonString());

    /// <summary>Posts an event that must be accepted; returns the 202 body.</summary>
    public static async Task<JsonNode> AcceptedAsync(this HttpClient client, JsonNode body)
    {
        var answer = await (await client.EnqueueAsync(body)).ShouldBeAsync(HttpStatusCode.Accepted);
        answer.Str("status").Should().Be("success");
        answer.Str("message").Should().Be("Event processed");
        return answer;
    }

    /// <summary>Asserts PagerDuty's 400 shape and returns the errors.</summary>
    public static async Task<List<string>> ShouldBeInvalidEventAsync(this HttpResponseMessage response)
    {
        var answer = await response.ShouldBeAsync(HttpStatusCode.BadRequest);
        answer.Str("status").Should().Be("invalid event");
        answer.Str("message").Should().Be("Event object is invalid");
        var errors = answer["errors"].Strings().ToList();
        errors.Should().NotBeEmpty();
        return errors;
    }

    // ---- what was stored ----

    /// <summary>The integration's alerts, newest first.</summary>
    public static async Task<List<JsonNode>> AlertsOfAsync(this HttpClient client, string integrationId) =>
        (await (await client.GetAsync($"/api/alerts?integrationId={integrationId}&pageSize=200")).ShouldBeAsync(HttpStatusCode.OK))["items"]!
            .AsArray().Select(a => a!).ToList();

    public static async Task<JsonNode> SingleAlertAsync(this HttpClient client, string integrationId) =>
        (await client.AlertsOfAsync(integrationId)).Should().ContainSingle().Subject;

    /// <summary>How many incidents the service has, in any state.</summary>
    public static async Task<int> IncidentCountAsync(this HttpClient client, string service) =>
        (await (await client.GetAsync($"/api/incidents?service={Uri.EscapeDataString(service)}")).ShouldBeAsync(HttpStatusCode.OK)).Int("total");

    /// <summary>Polls <c>GET /api/workflow-instances?{query}</c> until <paramref name="condition"/> holds for its items.</summary>
    public static Task<List<JsonNode>> WaitForInstancesAsync(this HttpClient client, string query, Func<List<JsonNode>, bool> condition, string what,
        TimeSpan? timeout = null) =>
        Eventually.Async(
            async () => (await (await client.GetAsync($"/api/workflow-instances?{query}&pageSize=200")).ShouldBeAsync(HttpStatusCode.OK))["items"]!.AsArray().Select(i => i!).ToList(),
            condition, $"workflow instances ({query}) reaching '{what}'", timeout, items => new JsonArray(items.Select(i => i.DeepClone()).ToArray()).ToJsonString());
}
