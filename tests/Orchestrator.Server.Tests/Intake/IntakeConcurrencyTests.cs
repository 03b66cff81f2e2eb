using System.Net;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Api;
using Orchestrator.Server.Tests.Hosting;

namespace Orchestrator.Server.Tests.Intake;

/// <summary>
/// Many posts for one integration at the same moment (several Alertmanager replicas, a burst of re-sends) must still
/// give one incident per alert or group and one open alert per fingerprint. Run on SQLite and on PostgreSQL.
/// </summary>
public abstract class IntakeConcurrencyTests(ServerFixture fixture)
{
    private const int Posts = 20;
    private readonly HttpClient _client = fixture.Enabled ? fixture.Client : new HttpClient();

    private Task<JsonNode> CreateUnthrottledAsync(JsonObject? settings = null)
    {
        var body = settings ?? [];
        body["rateLimit"] = new JsonObject { ["requestsPerSecond"] = 10000, ["burst"] = 10000 };
        return _client.CreateAlertmanagerIntegrationAsync(body);
    }

    /// <summary>Posts all payloads at once (released together) and returns the 200 answers.</summary>
    private async Task<List<JsonNode>> PostAllAtOnceAsync(string key, IEnumerable<JsonObject> payloads)
    {
        var bodies = payloads.Select(p => p.ToJsonString()).ToList();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = bodies.Select(async body =>
        {
            await start.Task;
            return await _client.PostRawAsync($"/api/intake/alertmanager/{key}", body);
        }).ToList();
        start.SetResult();
        var responses = await Task.WhenAll(tasks);
        var results = new List<JsonNode>();
        foreach (var response in responses)
        {
            results.Add(await response.ShouldBeAsync(HttpStatusCode.OK));
        }

        return results;
    }

    [DatabaseFact]
    public async Task Same_alert_posted_20_times_at_once_opens_one_incident_and_one_alert()
    {
        var integration = await CreateUnthrottledAsync();
        var notification = IntakeCalls.Notification(
            IntakeCalls.FiringAlert("HighErrorRate", "checkout-1:8080", IntakeCalls.Recently(), IntakeCalls.NewFingerprint()));

        var results = await PostAllAtOnceAsync(integration.Str("key"), Enumerable.Repeat(notification, Posts));

        results.Sum(r => r.Int("opened")).Should().Be(1);
        results.Sum(r => r.Int("unchanged")).Should().Be(Posts - 1);
        results.Sum(r => r.Int("updated")).Should().Be(0);
        var alerts = await _client.AlertsOfIntegrationAsync(integration.Id());
        alerts.Should().ContainSingle().Which.Int("count").Should().Be(1);
        alerts[0].Str("status").Should().Be("Firing");
        var incidents = await _client.IncidentsOfServiceAsync(integration.Str("service"));
        incidents.Should().ContainSingle().Which.Id().Should().Be(alerts[0].Str("incidentId"));
        (await _client.GetTimelineAsync(incidents[0].Id())).Select(e => e!.Str("kind")).Should().Equal("Created", "Alert");
    }

    [DatabaseFact]
    public async Task Same_fingerprint_with_20_different_startsAt_at_once_opens_one_incident_and_counts_every_firing()
    {
        var integration = await CreateUnthrottledAsync();
        var alert = IntakeCalls.FiringAlert("HighErrorRate", "checkout-1:8080", IntakeCalls.Recently(60), IntakeCalls.NewFingerprint());
        var payloads = Enumerable.Range(0, Posts).Select(i => IntakeCalls.Notification(alert.StartingAt(IntakeCalls.Recently(60 - i))));

        var results = await PostAllAtOnceAsync(integration.Str("key"), payloads);

        results.Sum(r => r.Int("opened")).Should().Be(1);
        results.Sum(r => r.Int("updated")).Should().Be(Posts - 1);
        var open = (await _client.SearchAlertsAsync($"integrationId={integration.Id()}&status=Firing"))["items"]!.AsArray();
        open.Should().ContainSingle();
        open[0]!.Str("fingerprint").Should().Be(alert.Str("fingerprint"));
        open[0]!.Int("count").Should().Be(Posts);
        (await _client.AlertTotalAsync(integration.Id())).Should().Be(1);
        var incidents = await _client.IncidentsOfServiceAsync(integration.Str("service"));
        incidents.Should().ContainSingle();
        var timeline = await _client.GetTimelineAsync(incidents[0].Id());
        timeline.Count(e => e!.Str("kind") == "Alert").Should().Be(Posts);
        timeline.Count(e => e!.Str("kind") == "Created").Should().Be(1);
    }

    [DatabaseFact]
    public async Task Twenty_alerts_of_one_group_posted_at_once_share_one_incident()
    {
        var integration = await CreateUnthrottledAsync();
        var startsAt = IntakeCalls.Recently();
        const string groupKey = "{}:{alertname=\"KubePodNotReady\", namespace=\"payments\"}";
        var payloads = Enumerable.Range(0, Posts).Select(i => IntakeCalls.Notification(groupKey,
            IntakeCalls.FiringAlert("KubePodNotReady", $"payments-{i}", startsAt, IntakeCalls.NewFingerprint())));

        var results = await PostAllAtOnceAsync(integration.Str("key"), payloads);

        results.Sum(r => r.Int("opened")).Should().Be(Posts);
        results.SelectMany(r => r.IncidentIds()).Distinct().Should().ContainSingle();
        var alerts = await _client.AlertsOfIntegrationAsync(integration.Id());
        alerts.Should().HaveCount(Posts);
        alerts.Select(a => a.Str("fingerprint")).Should().OnlyHaveUniqueItems();
        alerts.Select(a => a.Str("incidentId")).Distinct().Should().ContainSingle();
        (await _client.IncidentsOfServiceAsync(integration.Str("service"))).Should().ContainSingle();
    }

    [DatabaseFact]
    public async Task Concurrent_posts_for_different_integrations_do_not_block_each_other_or_mix()
    {
        var first = await CreateUnthrottledAsync(new JsonObject { ["groupingWindowSeconds"] = 0 });
        var second = await CreateUnthrottledAsync(new JsonObject { ["groupingWindowSeconds"] = 0 });
        var fingerprint = IntakeCalls.NewFingerprint();
        var notification = IntakeCalls.Notification(IntakeCalls.FiringAlert("HighErrorRate", "checkout-1:8080", IntakeCalls.Recently(), fingerprint));

        await Task.WhenAll(
            PostAllAtOnceAsync(first.Str("key"), Enumerable.Repeat(notification, Posts / 2)),
            PostAllAtOnceAsync(second.Str("key"), Enumerable.Repeat(notification, Posts / 2)));

        foreach (var integration in new[] { first, second })
        {
            var alerts = await _client.AlertsOfIntegrationAsync(integration.Id());
            alerts.Should().ContainSingle("the same fingerprint from another integration is another alert");
            alerts[0].Str("fingerprint").Should().Be(fingerprint);
            (await _client.IncidentsOfServiceAsync(integration.Str("service"))).Should().ContainSingle();
        }
    }
}

public sealed class IntakeConcurrencyOnSqlite(SqliteServerFixture fixture) : IntakeConcurrencyTests(fixture), IClassFixture<SqliteServerFixture>;

public sealed class IntakeConcurrencyOnPostgreSql(PostgreSqlServerFixture fixture) : IntakeConcurrencyTests(fixture), IClassFixture<PostgreSqlServerFixture>, IRunsOnPostgreSql;
