using System.Net;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Api;
using Orchestrator.Server.Tests.Hosting;

namespace Orchestrator.Server.Tests.Intake;

/// <summary>
/// <c>POST /api/intake/alertmanager/{key}</c> end to end: Alertmanager (and Grafana-managed alerting) notifications
/// open, group, de-duplicate, re-fire and auto-resolve incidents. Run on SQLite and on PostgreSQL.
/// </summary>
public abstract class AlertmanagerIntakeTests(ServerFixture fixture)
{
    private readonly HttpClient _client = fixture.Enabled ? fixture.Client : new HttpClient();

    [DatabaseFact]
    public async Task New_firing_alert_opens_an_incident_from_its_annotations_and_labels()
    {
        var integration = await _client.CreateAlertmanagerIntegrationAsync();
        var fingerprint = IntakeCalls.NewFingerprint();
        var startsAt = IntakeCalls.Recently();
        var alert = IntakeCalls.FiringAlert("HighErrorRate", "checkout-7d9f:8080", startsAt, fingerprint, "critical",
            summary: "Checkout 5xx rate above 5%", description: "5.3% of requests to checkout failed in the last 5 minutes.",
            extraLabels: new JsonObject { ["service"] = "checkout-api" });

        var result = await _client.SendAlertmanagerAsync(integration.Str("key"), IntakeCalls.Notification(alert));

        result.ShouldCount(opened: 1, updated: 0, unchanged: 0);
        var incident = await _client.GetIncidentAsync(result.IncidentIds().Single());
        incident.Str("title").Should().Be("Checkout 5xx rate above 5%");
        incident.Str("description").Should().Be("5.3% of requests to checkout failed in the last 5 minutes.");
        incident.Str("state").Should().Be("New");
        incident.Int("impact").Should().Be(1);
        incident.Int("urgency").Should().Be(1);
        incident.Int("priority").Should().Be(1);
        incident.Str("service").Should().Be("checkout-api", "labels.service wins over the integration's service");
        incident.Str("category").Should().Be("Monitoring");

        var timeline = await _client.GetTimelineAsync(incident.Id());
        timeline.Select(e => e!.Str("kind")).Should().Equal("Created", "Alert");
        timeline.Should().OnlyContain(e => e!.Str("actor") == $"integration:{integration.Str("name")}");
        var fired = timeline[1]!;
        fired.Str("summary").Should().Contain("Checkout 5xx rate above 5%");
        fired["data"]!.Str("event").Should().Be("triggered");
        fired["data"]!.Str("fingerprint").Should().Be(fingerprint);

        var stored = (await _client.AlertsOfIntegrationAsync(integration.Id())).Single();
        stored.Str("fingerprint").Should().Be(fingerprint);
        stored.Str("incidentId").Should().Be(incident.Id());
        stored.Str("status").Should().Be("Firing");
        stored.Str("severity").Should().Be("critical");
        stored.Str("source").Should().Be("checkout-7d9f:8080");
        stored.Str("groupKey").Should().Be("{}:{alertname=\"HighErrorRate\"}");
        stored.Int("count").Should().Be(1);
        DateTimeOffset.Parse(stored.Str("startsAt"), System.Globalization.CultureInfo.InvariantCulture).Should().Be(startsAt);
        stored["details"]!["labels"]!.Str("alertname").Should().Be("HighErrorRate");
        stored["details"]!.Str("generatorURL").Should().StartWith("http://prometheus.example.com:9090/graph");

        var byId = await (await _client.GetAsync($"/api/alerts/{stored.Id()}")).ShouldBeAsync(HttpStatusCode.OK);
        byId.Str("fingerprint").Should().Be(fingerprint);
        (await _client.AlertsOfIncidentAsync(incident.Id())).Select(a => a.Id()).Should().Equal(stored.Id());
    }

    [DatabaseFact]
    public async Task Without_summary_the_title_is_alertname_on_instance_and_the_service_is_the_integrations()
    {
        var integration = await _client.CreateAlertmanagerIntegrationAsync();
        var alert = IntakeCalls.FiringAlert("NodeDiskAlmostFull", "db-1:9100", IntakeCalls.Recently(), IntakeCalls.NewFingerprint(), "warning");

        var result = await _client.SendAlertmanagerAsync(integration.Str("key"), IntakeCalls.Notification(alert));

        var incident = await _client.GetIncidentAsync(result.IncidentIds().Single());
        incident.Str("title").Should().Be("NodeDiskAlmostFull on db-1:9100");
        incident.Str("service").Should().Be(integration.Str("service"));
        incident.Int("priority").Should().Be(3);
    }

    [DatabaseFact]
    public async Task Severity_labels_map_to_impact_urgency_and_priority_with_unknown_as_warning()
    {
        var integration = await _client.CreateAlertmanagerIntegrationAsync(new JsonObject { ["groupingWindowSeconds"] = 0 });
        var startsAt = IntakeCalls.Recently();
        string?[] severities = ["critical", "error", "warning", "info", "disaster", null, "CRITICAL"];
        var alerts = severities.Select((s, i) => IntakeCalls.FiringAlert("Probe", $"host-{i}:9100", startsAt, IntakeCalls.NewFingerprint(), s,
            summary: $"Probe failed on host-{i}")).ToArray();

        var result = await _client.SendAlertmanagerAsync(integration.Str("key"), IntakeCalls.Notification(alerts));

        result.ShouldCount(opened: 7, updated: 0, unchanged: 0);
        var ids = result.IncidentIds();
        ids.Should().HaveCount(7).And.OnlyHaveUniqueItems("grouping is off, so each alert opens its own incident");
        var incidents = new List<JsonNode>();
        foreach (var id in ids)
        {
            incidents.Add(await _client.GetIncidentAsync(id));
        }

        incidents.Select(i => i.Str("title")).Should().Equal(Enumerable.Range(0, 7).Select(i => $"Probe failed on host-{i}"));
        incidents.Select(i => (i.Int("impact"), i.Int("urgency"), i.Int("priority"))).Should().Equal(
            (1, 1, 1), // critical → P1
            (2, 1, 2), // error → P2
            (2, 2, 3), // warning → P3
            (3, 3, 5), // info → P5
            (2, 2, 3), // unknown → warning
            (2, 2, 3), // no severity label → warning
            (1, 1, 1)); // severities are compared in lowercase
    }

    [DatabaseFact]
    public async Task Custom_severity_mapping_sets_impact_and_urgency()
    {
        var integration = await _client.CreateAlertmanagerIntegrationAsync(new JsonObject
        {
            ["groupingWindowSeconds"] = 0,
            ["severityMapping"] = new JsonObject
            {
                ["page"] = new JsonObject { ["impact"] = 1, ["urgency"] = 2 },
                ["critical"] = new JsonObject { ["impact"] = 2, ["urgency"] = 3 },
            },
        });
        var startsAt = IntakeCalls.Recently();

        var result = await _client.SendAlertmanagerAsync(integration.Str("key"), IntakeCalls.Notification(
            IntakeCalls.FiringAlert("A", "a:1", startsAt, IntakeCalls.NewFingerprint(), "page"),
            IntakeCalls.FiringAlert("B", "b:1", startsAt, IntakeCalls.NewFingerprint(), "critical"),
            IntakeCalls.FiringAlert("C", "c:1", startsAt, IntakeCalls.NewFingerprint(), "info")));

        var priorities = new List<(int, int, int)>();
        foreach (var id in result.IncidentIds())
        {
            var incident = await _client.GetIncidentAsync(id);
            priorities.Add((incident.Int("impact"), incident.Int("urgency"), incident.Int("priority")));
        }

        priorities.Should().Equal((1, 2, 2), (2, 3, 4), (3, 3, 5));
    }

    [DatabaseFact]
    public async Task Alerts_of_one_notification_share_one_incident()
    {
        var integration = await _client.CreateAlertmanagerIntegrationAsync();
        var startsAt = IntakeCalls.Recently();
        var alerts = Enumerable.Range(1, 3).Select(i => IntakeCalls.FiringAlert("HighErrorRate", $"checkout-{i}:8080", startsAt,
            IntakeCalls.NewFingerprint(), "error", summary: $"Checkout pod {i} returns 5xx")).ToArray();

        var result = await _client.SendAlertmanagerAsync(integration.Str("key"), IntakeCalls.Notification(alerts));

        result.ShouldCount(opened: 3, updated: 0, unchanged: 0);
        var id = result.IncidentIds().Single();
        var incident = await _client.GetIncidentAsync(id);
        incident.Str("title").Should().Be("Checkout pod 1 returns 5xx", "the first alert opens the incident");
        incident.Int("priority").Should().Be(2);
        var ofIncident = await _client.AlertsOfIncidentAsync(id);
        ofIncident.Should().HaveCount(3);
        ofIncident.Select(a => a.Str("fingerprint")).Should().BeEquivalentTo(alerts.Select(a => a.Str("fingerprint")));
        var timeline = await _client.GetTimelineAsync(id);
        timeline.Select(e => e!.Str("kind")).Should().Equal("Created", "Alert", "Alert", "Alert");
        timeline.Skip(1).Select(e => e!["data"]!.Str("event")).Should().Equal("triggered", "grouped", "grouped");
    }

    [DatabaseFact]
    public async Task Later_notification_of_the_same_group_joins_the_open_incident()
    {
        var integration = await _client.CreateAlertmanagerIntegrationAsync();
        var key = integration.Str("key");
        var first = IntakeCalls.FiringAlert("KubePodCrashLooping", "pod-a", IntakeCalls.Recently(10), IntakeCalls.NewFingerprint(), "warning");
        var second = IntakeCalls.FiringAlert("KubePodCrashLooping", "pod-b", IntakeCalls.Recently(2), IntakeCalls.NewFingerprint(), "warning");

        var opened = await _client.SendAlertmanagerAsync(key, IntakeCalls.Notification(first));
        var joined = await _client.SendAlertmanagerAsync(key, IntakeCalls.Notification(first, second));

        joined.ShouldCount(opened: 1, updated: 0, unchanged: 1);
        joined.IncidentIds().Should().Equal(opened.IncidentIds());
        (await _client.AlertsOfIncidentAsync(opened.IncidentIds()[0])).Should().HaveCount(2);
        (await _client.IncidentsOfServiceAsync(integration.Str("service"))).Should().ContainSingle();
        var last = (await _client.GetTimelineAsync(opened.IncidentIds()[0])).Last()!;
        last.Str("kind").Should().Be("Alert");
        last.Str("summary").Should().Contain("joined this incident");
    }

    [DatabaseFact]
    public async Task Different_group_keys_open_separate_incidents()
    {
        var integration = await _client.CreateAlertmanagerIntegrationAsync();
        var key = integration.Str("key");
        var startsAt = IntakeCalls.Recently();

        var a = await _client.SendAlertmanagerAsync(key, IntakeCalls.Notification(
            IntakeCalls.FiringAlert("HighLatency", "api-1", startsAt, IntakeCalls.NewFingerprint())));
        var b = await _client.SendAlertmanagerAsync(key, IntakeCalls.Notification(
            IntakeCalls.FiringAlert("QueueBacklog", "worker-1", startsAt, IntakeCalls.NewFingerprint())));

        a.IncidentIds().Single().Should().NotBe(b.IncidentIds().Single());
        (await _client.IncidentsOfServiceAsync(integration.Str("service"))).Should().HaveCount(2);
    }

    [DatabaseFact]
    public async Task With_grouping_window_zero_each_alert_of_a_group_opens_its_own_incident()
    {
        var integration = await _client.CreateAlertmanagerIntegrationAsync(new JsonObject { ["groupingWindowSeconds"] = 0 });
        var key = integration.Str("key");
        var startsAt = IntakeCalls.Recently();
        var a = IntakeCalls.FiringAlert("HighErrorRate", "checkout-1", startsAt, IntakeCalls.NewFingerprint());
        var b = IntakeCalls.FiringAlert("HighErrorRate", "checkout-2", startsAt, IntakeCalls.NewFingerprint());
        var c = IntakeCalls.FiringAlert("HighErrorRate", "checkout-3", startsAt, IntakeCalls.NewFingerprint());

        var together = await _client.SendAlertmanagerAsync(key, IntakeCalls.Notification(a, b));
        var later = await _client.SendAlertmanagerAsync(key, IntakeCalls.Notification(a, b, c));

        together.ShouldCount(opened: 2, updated: 0, unchanged: 0);
        together.IncidentIds().Should().HaveCount(2).And.OnlyHaveUniqueItems();
        later.ShouldCount(opened: 1, updated: 0, unchanged: 2);
        later.IncidentIds().Should().ContainSingle();
        together.IncidentIds().Should().NotContain(later.IncidentIds()[0]);
        (await _client.IncidentsOfServiceAsync(integration.Str("service"))).Should().HaveCount(3);
    }

    [DatabaseFact]
    public async Task Group_keys_longer_than_the_column_still_group()
    {
        var integration = await _client.CreateAlertmanagerIntegrationAsync();
        var key = integration.Str("key");
        var groupKey = "{}/{severity=~\"critical|error\"}:{alertname=\"KubeDeploymentReplicasMismatch\", cluster=\"prod-eu-west-1\", "
            + "namespace=\"payments\", deployment=\"payments-api\", team=\"payments-platform\", region=\"eu-west-1\", environment=\"production\"}";
        groupKey.Length.Should().BeGreaterThan(200);

        var first = await _client.SendAlertmanagerAsync(key, IntakeCalls.Notification(groupKey,
            IntakeCalls.FiringAlert("KubeDeploymentReplicasMismatch", "kube-state-metrics:8080", IntakeCalls.Recently(), IntakeCalls.NewFingerprint())));
        var second = await _client.SendAlertmanagerAsync(key, IntakeCalls.Notification(groupKey,
            IntakeCalls.FiringAlert("KubeDeploymentReplicasMismatch", "kube-state-metrics:8081", IntakeCalls.Recently(), IntakeCalls.NewFingerprint())));

        second.IncidentIds().Should().Equal(first.IncidentIds());
        var alerts = await _client.AlertsOfIntegrationAsync(integration.Id());
        alerts.Should().HaveCount(2);
        alerts.Select(a => a.Str("groupKey")).Distinct().Should().ContainSingle().Which.Should().MatchRegex("^sha256:[0-9a-f]{64}$");
    }

    [DatabaseFact]
    public async Task Replayed_group_changes_nothing()
    {
        var integration = await _client.CreateAlertmanagerIntegrationAsync();
        var key = integration.Str("key");
        var startsAt = IntakeCalls.Recently();
        var notification = IntakeCalls.Notification(
            IntakeCalls.FiringAlert("HighErrorRate", "checkout-1:8080", startsAt, IntakeCalls.NewFingerprint(), "critical", "Checkout errors"),
            IntakeCalls.FiringAlert("HighErrorRate", "checkout-2:8080", startsAt, IntakeCalls.NewFingerprint(), "critical", "Checkout errors"));
        var id = (await _client.SendAlertmanagerAsync(key, notification)).IncidentIds().Single();
        var before = await _client.GetIncidentAsync(id);
        var timelineBefore = await _client.GetTimelineAsync(id);
        var alertsBefore = await _client.AlertsOfIntegrationAsync(integration.Id());

        // Alertmanager re-sends a firing group every group_interval with the same alerts and startsAt.
        var replay = await _client.SendAlertmanagerAsync(key, notification);
        var again = await _client.SendAlertmanagerAsync(key, notification);

        replay.ShouldCount(opened: 0, updated: 0, unchanged: 2);
        replay.IncidentIds().Should().BeEmpty();
        again.ShouldCount(opened: 0, updated: 0, unchanged: 2);
        var after = await _client.GetIncidentAsync(id);
        after.Int("version").Should().Be(before.Int("version"));
        after.Str("updatedAt").Should().Be(before.Str("updatedAt"));
        (await _client.GetTimelineAsync(id)).Should().HaveCount(timelineBefore.Count);
        var alertsAfter = await _client.AlertsOfIntegrationAsync(integration.Id());
        alertsAfter.Should().HaveCount(2);
        alertsAfter.Should().OnlyContain(a => a.Int("count") == 1);
        alertsAfter.Select(a => a.Str("lastSeenAt")).Should().Equal(alertsBefore.Select(a => a.Str("lastSeenAt")));
    }

    /// <summary>Alertmanager writes times with nanoseconds (Go's RFC3339Nano), e.g. "2024-05-14T09:14:45.123456789Z";
    /// a replay must still be recognised after the time has been stored and read back.</summary>
    [DatabaseFact]
    public async Task Replayed_group_with_nanosecond_startsAt_changes_nothing()
    {
        var integration = await _client.CreateAlertmanagerIntegrationAsync();
        var key = integration.Str("key");
        var alert = IntakeCalls.FiringAlert("HighErrorRate", "checkout-1:8080", IntakeCalls.Recently(), IntakeCalls.NewFingerprint());
        var whole = IntakeCalls.Recently(7);
        alert["startsAt"] = whole.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + ".123456789Z";
        var notification = IntakeCalls.Notification(alert);
        var id = (await _client.SendAlertmanagerAsync(key, notification)).IncidentIds().Single();
        var version = (await _client.GetIncidentAsync(id)).Int("version");

        var replay = await _client.SendAlertmanagerAsync(key, notification);

        replay.ShouldCount(opened: 0, updated: 0, unchanged: 1);
        (await _client.GetIncidentAsync(id)).Int("version").Should().Be(version);
        (await _client.GetTimelineAsync(id)).Should().HaveCount(2);
        (await _client.AlertsOfIntegrationAsync(integration.Id())).Single().Int("count").Should().Be(1);
    }

    [DatabaseFact]
    public async Task Same_fingerprint_with_a_new_startsAt_counts_a_repeat_on_the_open_alert()
    {
        var integration = await _client.CreateAlertmanagerIntegrationAsync();
        var key = integration.Str("key");
        var firing = IntakeCalls.FiringAlert("HighErrorRate", "checkout-1:8080", IntakeCalls.Recently(20), IntakeCalls.NewFingerprint(),
            summary: "Checkout errors");
        var id = (await _client.SendAlertmanagerAsync(key, IntakeCalls.Notification(firing))).IncidentIds().Single();
        var before = (await _client.AlertsOfIntegrationAsync(integration.Id())).Single();
        var version = (await _client.GetIncidentAsync(id)).Int("version");

        var repeat = await _client.SendAlertmanagerAsync(key, IntakeCalls.Notification(firing.StartingAt(IntakeCalls.Recently(1))));

        repeat.ShouldCount(opened: 0, updated: 1, unchanged: 0);
        repeat.IncidentIds().Should().Equal(id);
        var after = (await _client.AlertsOfIntegrationAsync(integration.Id())).Single();
        after.Id().Should().Be(before.Id());
        after.Int("count").Should().Be(2);
        after.Str("status").Should().Be("Firing");
        DateTimeOffset.Parse(after.Str("lastSeenAt"), System.Globalization.CultureInfo.InvariantCulture)
            .Should().BeOnOrAfter(DateTimeOffset.Parse(before.Str("lastSeenAt"), System.Globalization.CultureInfo.InvariantCulture));
        after.Str("firstSeenAt").Should().Be(before.Str("firstSeenAt"));
        (await _client.GetIncidentAsync(id)).Int("version").Should().Be(version + 1);
        var last = (await _client.GetTimelineAsync(id)).Last()!;
        last.Str("kind").Should().Be("Alert");
        last.Str("summary").Should().Contain("fired again");
        last["data"]!.Str("event").Should().Be("repeated");
        last["data"]!.Str("count").Should().Be("2");
        (await _client.IncidentsOfServiceAsync(integration.Str("service"))).Should().ContainSingle();
    }

    [DatabaseFact]
    public async Task Incident_auto_resolves_once_every_alert_has_resolved()
    {
        var integration = await _client.CreateAlertmanagerIntegrationAsync();
        var key = integration.Str("key");
        var startsAt = IntakeCalls.Recently();
        var a = IntakeCalls.FiringAlert("HighErrorRate", "checkout-1:8080", startsAt, IntakeCalls.NewFingerprint());
        var b = IntakeCalls.FiringAlert("HighErrorRate", "checkout-2:8080", startsAt, IntakeCalls.NewFingerprint());
        var id = (await _client.SendAlertmanagerAsync(key, IntakeCalls.Notification(a, b))).IncidentIds().Single();

        var partly = await _client.SendAlertmanagerAsync(key, IntakeCalls.Notification(a.Resolved(), b));

        partly.ShouldCount(opened: 0, updated: 1, unchanged: 1);
        (await _client.GetIncidentAsync(id)).Str("state").Should().Be("New", "one alert still fires");
        (await _client.SearchAlertsAsync($"integrationId={integration.Id()}&status=Resolved"))["items"]!.AsArray()
            .Select(x => x!.Str("fingerprint")).Should().Equal(a.Str("fingerprint"));

        var all = await _client.SendAlertmanagerAsync(key, IntakeCalls.Notification(a.Resolved(), b.Resolved()));

        all.ShouldCount(opened: 0, updated: 1, unchanged: 1);
        all.IncidentIds().Should().Equal(id);
        var incident = await _client.GetIncidentAsync(id);
        incident.Str("state").Should().Be("Resolved");
        incident.Str("resolutionCode").Should().Be("Fixed");
        incident.Str("resolutionNotes").Should().Contain("Auto-resolved").And.Contain(integration.Str("name"));
        incident["resolvedAt"].Should().NotBeNull();
        var alerts = await _client.AlertsOfIntegrationAsync(integration.Id());
        alerts.Should().HaveCount(2).And.OnlyContain(x => x.Str("status") == "Resolved" && x["resolvedAt"] != null && x["endsAt"] != null);
        var timeline = await _client.GetTimelineAsync(id);
        timeline.Select(e => e!.Str("kind")).Should().Equal("Created", "Alert", "Alert", "Alert", "Alert", "StateChanged");
        timeline.Last()!["data"]!.Str("to").Should().Be("Resolved");
        timeline.Last()!.Str("actor").Should().Be($"integration:{integration.Str("name")}");
    }

    [DatabaseFact]
    public async Task Replayed_resolved_notification_changes_nothing()
    {
        var integration = await _client.CreateAlertmanagerIntegrationAsync();
        var key = integration.Str("key");
        var firing = IntakeCalls.FiringAlert("HighErrorRate", "checkout-1:8080", IntakeCalls.Recently(), IntakeCalls.NewFingerprint());
        var id = (await _client.SendAlertmanagerAsync(key, IntakeCalls.Notification(firing))).IncidentIds().Single();
        var resolved = IntakeCalls.Notification(firing.Resolved());
        await _client.SendAlertmanagerAsync(key, resolved);
        var version = (await _client.GetIncidentAsync(id)).Int("version");
        var entries = (await _client.GetTimelineAsync(id)).Count;

        var replay = await _client.SendAlertmanagerAsync(key, resolved);

        replay.ShouldCount(opened: 0, updated: 0, unchanged: 1);
        var incident = await _client.GetIncidentAsync(id);
        incident.Str("state").Should().Be("Resolved");
        incident.Int("version").Should().Be(version);
        (await _client.GetTimelineAsync(id)).Should().HaveCount(entries);
    }

    [DatabaseFact]
    public async Task Without_auto_resolve_the_incident_stays_open_when_its_alerts_resolve()
    {
        var integration = await _client.CreateAlertmanagerIntegrationAsync(new JsonObject { ["autoResolve"] = false });
        var key = integration.Str("key");
        var firing = IntakeCalls.FiringAlert("HighErrorRate", "checkout-1:8080", IntakeCalls.Recently(), IntakeCalls.NewFingerprint());
        var id = (await _client.SendAlertmanagerAsync(key, IntakeCalls.Notification(firing))).IncidentIds().Single();

        var result = await _client.SendAlertmanagerAsync(key, IntakeCalls.Notification(firing.Resolved()));

        result.ShouldCount(opened: 0, updated: 1, unchanged: 0);
        var incident = await _client.GetIncidentAsync(id);
        incident.Str("state").Should().Be("New");
        incident["resolutionCode"].Should().BeNull();
        (await _client.AlertsOfIntegrationAsync(integration.Id())).Single().Str("status").Should().Be("Resolved");
        (await _client.GetTimelineAsync(id)).Last()!.Str("summary").Should().Contain("resolved at the source");
    }

    [DatabaseFact]
    public async Task Refire_after_resolve_reopens_the_resolved_incident()
    {
        var integration = await _client.CreateAlertmanagerIntegrationAsync();
        var key = integration.Str("key");
        var firing = IntakeCalls.FiringAlert("HighErrorRate", "checkout-1:8080", IntakeCalls.Recently(30), IntakeCalls.NewFingerprint());
        var id = (await _client.SendAlertmanagerAsync(key, IntakeCalls.Notification(firing))).IncidentIds().Single();
        await _client.SendAlertmanagerAsync(key, IntakeCalls.Notification(firing.Resolved(IntakeCalls.Recently(20))));
        (await _client.GetIncidentAsync(id)).Str("state").Should().Be("Resolved");

        var refire = await _client.SendAlertmanagerAsync(key, IntakeCalls.Notification(firing.StartingAt(IntakeCalls.Recently(1))));

        refire.ShouldCount(opened: 1, updated: 0, unchanged: 0);
        refire.IncidentIds().Should().Equal(id);
        var incident = await _client.GetIncidentAsync(id);
        incident.Str("state").Should().Be("InProgress");
        incident.Int("reopenCount").Should().Be(1);
        incident["resolutionCode"].Should().BeNull();
        var alerts = await _client.AlertsOfIncidentAsync(id);
        alerts.Should().HaveCount(2);
        alerts.Select(a => a.Str("status")).Should().Equal("Firing", "Resolved"); // newest first
        alerts.Select(a => a.Str("fingerprint")).Distinct().Should().ContainSingle();
        (await _client.IncidentsOfServiceAsync(integration.Str("service"))).Should().ContainSingle();
        var timeline = await _client.GetTimelineAsync(id);
        timeline.Should().Contain(e => e!.Str("kind") == "StateChanged" && e!["data"]!.Str("to") == "InProgress" && e!["data"]!.Str("reopened") == "true");
        timeline.Last()!["data"]!.Str("event").Should().Be("reopened");
    }

    [DatabaseFact]
    public async Task Refire_with_NewIncident_opens_a_new_incident()
    {
        var integration = await _client.CreateAlertmanagerIntegrationAsync(new JsonObject { ["onRefire"] = "NewIncident" });
        var key = integration.Str("key");
        var firing = IntakeCalls.FiringAlert("HighErrorRate", "checkout-1:8080", IntakeCalls.Recently(30), IntakeCalls.NewFingerprint());
        var first = (await _client.SendAlertmanagerAsync(key, IntakeCalls.Notification(firing))).IncidentIds().Single();
        await _client.SendAlertmanagerAsync(key, IntakeCalls.Notification(firing.Resolved(IntakeCalls.Recently(20))));

        var refire = await _client.SendAlertmanagerAsync(key, IntakeCalls.Notification(firing.StartingAt(IntakeCalls.Recently(1))));

        refire.ShouldCount(opened: 1, updated: 0, unchanged: 0);
        var second = refire.IncidentIds().Single();
        second.Should().NotBe(first);
        var old = await _client.GetIncidentAsync(first);
        old.Str("state").Should().Be("Resolved");
        old.Int("reopenCount").Should().Be(0);
        (await _client.GetIncidentAsync(second)).Str("state").Should().Be("New");
        (await _client.AlertsOfIncidentAsync(first)).Should().ContainSingle().Which.Str("status").Should().Be("Resolved");
        (await _client.AlertsOfIncidentAsync(second)).Should().ContainSingle().Which.Str("status").Should().Be("Firing");
    }

    [DatabaseFact]
    public async Task Refire_after_the_incident_is_closed_opens_a_new_incident()
    {
        var integration = await _client.CreateAlertmanagerIntegrationAsync();
        var key = integration.Str("key");
        var firing = IntakeCalls.FiringAlert("HighErrorRate", "checkout-1:8080", IntakeCalls.Recently(30), IntakeCalls.NewFingerprint());
        var first = (await _client.SendAlertmanagerAsync(key, IntakeCalls.Notification(firing))).IncidentIds().Single();
        await _client.SendAlertmanagerAsync(key, IntakeCalls.Notification(firing.Resolved(IntakeCalls.Recently(20))));
        var closedVersion = (await _client.MoveAsync(first, new { to = "Closed" })).Int("version");

        var refire = await _client.SendAlertmanagerAsync(key, IntakeCalls.Notification(firing.StartingAt(IntakeCalls.Recently(1))));

        refire.ShouldCount(opened: 1, updated: 0, unchanged: 0);
        var incidents = await _client.IncidentsOfServiceAsync(integration.Str("service"));
        incidents.Should().HaveCount(2);
        var second = incidents.Single(i => i.Id() != first).Id();
        var old = await _client.GetIncidentAsync(first);
        old.Str("state").Should().Be("Closed");
        old.Int("version").Should().Be(closedVersion);
        (await _client.GetIncidentAsync(second)).Str("state").Should().Be("New");
        (await _client.AlertsOfIncidentAsync(second)).Should().ContainSingle().Which.Str("status").Should().Be("Firing");
        refire.IncidentIds().Should().Equal([second], "incidentIds lists the incidents created or changed; the closed one was not changed");
    }

    [DatabaseFact]
    public async Task Refire_of_a_resolved_alert_whose_incident_stayed_open_joins_that_incident()
    {
        var integration = await _client.CreateAlertmanagerIntegrationAsync(new JsonObject { ["autoResolve"] = false, ["groupingWindowSeconds"] = 0 });
        var key = integration.Str("key");
        var firing = IntakeCalls.FiringAlert("HighErrorRate", "checkout-1:8080", IntakeCalls.Recently(30), IntakeCalls.NewFingerprint());
        var id = (await _client.SendAlertmanagerAsync(key, IntakeCalls.Notification(firing))).IncidentIds().Single();
        await _client.SendAlertmanagerAsync(key, IntakeCalls.Notification(firing.Resolved(IntakeCalls.Recently(20))));

        var refire = await _client.SendAlertmanagerAsync(key, IntakeCalls.Notification(firing.StartingAt(IntakeCalls.Recently(1))));

        refire.ShouldCount(opened: 1, updated: 0, unchanged: 0);
        refire.IncidentIds().Should().Equal(id);
        (await _client.GetIncidentAsync(id)).Int("reopenCount").Should().Be(0);
        (await _client.AlertsOfIncidentAsync(id)).Should().HaveCount(2);
    }

    [DatabaseFact]
    public async Task Resolved_alert_never_seen_firing_changes_nothing()
    {
        var integration = await _client.CreateAlertmanagerIntegrationAsync();
        var firing = IntakeCalls.FiringAlert("HighErrorRate", "checkout-1:8080", IntakeCalls.Recently(), IntakeCalls.NewFingerprint());

        var result = await _client.SendAlertmanagerAsync(integration.Str("key"), IntakeCalls.Notification(firing.Resolved()));

        result.ShouldCount(opened: 0, updated: 0, unchanged: 1);
        result.IncidentIds().Should().BeEmpty();
        await _client.ShouldHaveStoredNothingAsync(integration);
    }

    [DatabaseFact]
    public async Task One_notification_can_resolve_one_alert_and_open_another()
    {
        var integration = await _client.CreateAlertmanagerIntegrationAsync();
        var key = integration.Str("key");
        var a = IntakeCalls.FiringAlert("HighErrorRate", "checkout-1:8080", IntakeCalls.Recently(10), IntakeCalls.NewFingerprint());
        var b = IntakeCalls.FiringAlert("HighErrorRate", "checkout-2:8080", IntakeCalls.Recently(1), IntakeCalls.NewFingerprint());
        var id = (await _client.SendAlertmanagerAsync(key, IntakeCalls.Notification(a))).IncidentIds().Single();

        var result = await _client.SendAlertmanagerAsync(key, IntakeCalls.Notification(a.Resolved(), b));

        result.ShouldCount(opened: 1, updated: 1, unchanged: 0);
        result.IncidentIds().Should().Equal(id);
        (await _client.GetIncidentAsync(id)).Str("state").Should().Be("New", "the new alert keeps the incident open");
        var alerts = await _client.AlertsOfIncidentAsync(id);
        alerts.Select(x => (x.Str("fingerprint"), x.Str("status"))).Should().BeEquivalentTo(
            [(a.Str("fingerprint"), "Resolved"), (b.Str("fingerprint"), "Firing")]);
    }

    [DatabaseFact]
    public async Task Alerts_without_a_fingerprint_are_identified_by_their_labels()
    {
        var integration = await _client.CreateAlertmanagerIntegrationAsync();
        var key = integration.Str("key");
        var startsAt = IntakeCalls.Recently(10);
        var a = IntakeCalls.FiringAlert("TargetDown", "api-1:9100", startsAt, fingerprint: null);
        var b = IntakeCalls.FiringAlert("TargetDown", "api-2:9100", startsAt, fingerprint: null);

        var first = await _client.SendAlertmanagerAsync(key, IntakeCalls.Notification(a, b));
        var replay = await _client.SendAlertmanagerAsync(key, IntakeCalls.Notification(a, b));
        var repeat = await _client.SendAlertmanagerAsync(key, IntakeCalls.Notification(a.StartingAt(IntakeCalls.Recently(1))));

        first.ShouldCount(opened: 2, updated: 0, unchanged: 0);
        replay.ShouldCount(opened: 0, updated: 0, unchanged: 2);
        repeat.ShouldCount(opened: 0, updated: 1, unchanged: 0);
        var alerts = await _client.AlertsOfIntegrationAsync(integration.Id());
        alerts.Should().HaveCount(2);
        alerts.Select(x => x.Str("fingerprint")).Should().OnlyHaveUniqueItems().And.OnlyContain(f => f.Length > 0);
        alerts.Select(x => x.Int("count")).Should().BeEquivalentTo([1, 2]);
        alerts.Single(x => x.Int("count") == 2)["details"]!["labels"]!.Str("instance").Should().Be("api-1:9100");
    }

    [DatabaseFact]
    public async Task Grafana_managed_alerting_payload_is_accepted()
    {
        var integration = await _client.CreateAlertmanagerIntegrationAsync();
        var key = integration.Str("key");
        var fingerprint = IntakeCalls.NewFingerprint();
        var firing = Grafana("firing", "alerting", fingerprint, IntakeCalls.Recently(), IntakeCalls.NotSet);

        var opened = await _client.SendAlertmanagerAsync(key, firing);

        opened.ShouldCount(opened: 1, updated: 0, unchanged: 0);
        var id = opened.IncidentIds().Single();
        var incident = await _client.GetIncidentAsync(id);
        incident.Str("title").Should().Be("CPU usage above 90% on web-1");
        incident.Int("priority").Should().Be(1);
        var alert = (await _client.AlertsOfIntegrationAsync(integration.Id())).Single();
        alert.Str("fingerprint").Should().Be(fingerprint);
        alert["details"]!.Str("dashboardURL").Should().Be("https://grafana.example.com/d/node-overview?orgId=1");
        alert["details"]!.Str("valueString").Should().Contain("value=93.4");

        var resolved = await _client.SendAlertmanagerAsync(key,
            Grafana("resolved", "ok", fingerprint, DateTimeOffset.Parse(firing["alerts"]![0]!.Str("startsAt"), System.Globalization.CultureInfo.InvariantCulture),
                IntakeCalls.Time(DateTimeOffset.UtcNow)));

        resolved.ShouldCount(opened: 0, updated: 1, unchanged: 0);
        (await _client.GetIncidentAsync(id)).Str("state").Should().Be("Resolved");
    }

    [DatabaseFact]
    public async Task Alert_listing_filters_by_integration_incident_and_status_and_pages()
    {
        var integration = await _client.CreateAlertmanagerIntegrationAsync(new JsonObject { ["groupingWindowSeconds"] = 0 });
        var key = integration.Str("key");
        var startsAt = IntakeCalls.Recently();
        var alerts = Enumerable.Range(1, 3).Select(i => IntakeCalls.FiringAlert("Probe", $"host-{i}", startsAt, IntakeCalls.NewFingerprint())).ToArray();
        var ids = (await _client.SendAlertmanagerAsync(key, IntakeCalls.Notification(alerts))).IncidentIds();
        await _client.SendAlertmanagerAsync(key, IntakeCalls.Notification(alerts[0].Resolved()));

        (await _client.SearchAlertsAsync($"integrationId={integration.Id()}")).Int("total").Should().Be(3);
        (await _client.SearchAlertsAsync($"integrationId={integration.Id()}&status=Firing")).Int("total").Should().Be(2);
        (await _client.SearchAlertsAsync($"integrationId={integration.Id()}&status=resolved"))["items"]!.AsArray()
            .Single()!.Str("fingerprint").Should().Be(alerts[0].Str("fingerprint"));
        (await _client.SearchAlertsAsync($"integrationId={integration.Id()}&status=Acknowledged")).Int("total").Should().Be(0);
        (await _client.SearchAlertsAsync($"incidentId={ids[1]}"))["items"]!.AsArray()
            .Single()!.Str("fingerprint").Should().Be(alerts[1].Str("fingerprint"));
        var page = await _client.SearchAlertsAsync($"integrationId={integration.Id()}&page=2&pageSize=2");
        page.Int("total").Should().Be(3);
        page.Int("page").Should().Be(2);
        page.Int("pageSize").Should().Be(2);
        page["items"]!.AsArray().Should().ContainSingle();

        var bad = await (await _client.GetAsync($"/api/alerts?integrationId={integration.Id()}&status=Exploded")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        bad.Str("field").Should().Be("status");
        await (await _client.GetAsync($"/api/alerts/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await _client.GetAsync($"/api/incidents/{Guid.NewGuid()}/alerts")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    /// <summary>A Grafana-managed alerting notification: Alertmanager's shape plus title, state, message, orgId and
    /// per-alert silenceURL, dashboardURL, panelURL, values and valueString; version "1".</summary>
    private static JsonObject Grafana(string status, string state, string fingerprint, DateTimeOffset startsAt, string endsAt) =>
        new()
        {
            ["receiver"] = "orchestrator",
            ["status"] = status,
            ["orgId"] = 1,
            ["alerts"] = new JsonArray(new JsonObject
            {
                ["status"] = status,
                ["labels"] = new JsonObject
                {
                    ["alertname"] = "HighCPU",
                    ["grafana_folder"] = "Infrastructure",
                    ["instance"] = "web-1:9100",
                    ["severity"] = "critical",
                },
                ["annotations"] = new JsonObject
                {
                    ["summary"] = "CPU usage above 90% on web-1",
                    ["description"] = "CPU has been above 90% for 5 minutes.",
                    ["runbook_url"] = "https://runbooks.example.com/high-cpu",
                },
                ["startsAt"] = IntakeCalls.Time(startsAt),
                ["endsAt"] = endsAt,
                ["generatorURL"] = "https://grafana.example.com/alerting/grafana/cdx8o0q3mvnr4c/view?orgId=1",
                ["fingerprint"] = fingerprint,
                ["silenceURL"] = "https://grafana.example.com/alerting/silence/new?alertmanager=grafana&matcher=alertname%3DHighCPU&orgId=1",
                ["dashboardURL"] = "https://grafana.example.com/d/node-overview?orgId=1",
                ["panelURL"] = "https://grafana.example.com/d/node-overview?orgId=1&viewPanel=4",
                ["values"] = new JsonObject { ["B"] = 93.4, ["C"] = 1 },
                ["valueString"] = "[ var='B' labels={instance=web-1:9100} value=93.4 ], [ var='C' labels={instance=web-1:9100} value=1 ]",
            }),
            ["groupLabels"] = new JsonObject { ["alertname"] = "HighCPU", ["grafana_folder"] = "Infrastructure" },
            ["commonLabels"] = new JsonObject
            {
                ["alertname"] = "HighCPU",
                ["grafana_folder"] = "Infrastructure",
                ["instance"] = "web-1:9100",
                ["severity"] = "critical",
            },
            ["commonAnnotations"] = new JsonObject { ["summary"] = "CPU usage above 90% on web-1" },
            ["externalURL"] = "https://grafana.example.com/",
            ["version"] = "1",
            ["groupKey"] = "{}/{__grafana_autogenerated__=\"true\"}/{__grafana_receiver__=\"orchestrator\"}:{alertname=\"HighCPU\", grafana_folder=\"Infrastructure\"}",
            ["truncatedAlerts"] = 0,
            ["title"] = status == "firing" ? "[FIRING:1] HighCPU Infrastructure (web-1:9100 critical)" : "[RESOLVED] HighCPU Infrastructure (web-1:9100 critical)",
            ["state"] = state,
            ["message"] = "**Firing**\n\nValue: B=93.4, C=1\nLabels:\n - alertname = HighCPU\n - instance = web-1:9100\n",
        };

    [DatabaseFact]
    public async Task Overlong_labels_are_cut_to_fit_and_the_alert_is_stored()
    {
        var integration = await _client.CreateAlertmanagerIntegrationAsync();
        var instance = new string('i', 400);
        var service = new string('s', 150);
        var severity = new string('v', 60);
        var alert = IntakeCalls.FiringAlert("HugeLabels", instance, IntakeCalls.Recently(), IntakeCalls.NewFingerprint(), severity: severity,
            extraLabels: new JsonObject { ["service"] = service });

        var result = await _client.SendAlertmanagerAsync(integration.Str("key"), IntakeCalls.Notification(alert));

        result.ShouldCount(opened: 1, updated: 0, unchanged: 0);
        var stored = (await _client.AlertsOfIntegrationAsync(integration.Id())).Single();
        stored.Str("source").Should().HaveLength(255).And.StartWith("iii");
        stored.Str("service").Should().HaveLength(100).And.StartWith("sss");
        stored.Str("severity").Should().HaveLength(30).And.StartWith("vvv");
        stored["details"]!["labels"]!.Str("instance").Should().Be(instance, "the source's own fields are kept whole");
    }
}

public sealed class AlertmanagerIntakeOnSqlite(SqliteServerFixture fixture) : AlertmanagerIntakeTests(fixture), IClassFixture<SqliteServerFixture>;

public sealed class AlertmanagerIntakeOnPostgreSql(PostgreSqlServerFixture fixture) : AlertmanagerIntakeTests(fixture), IClassFixture<PostgreSqlServerFixture>, IRunsOnPostgreSql;
