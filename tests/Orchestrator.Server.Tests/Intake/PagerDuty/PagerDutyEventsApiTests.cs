using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Api;
using Orchestrator.Server.Tests.Hosting;

namespace Orchestrator.Server.Tests.Intake.PagerDuty;

/// <summary>
/// <c>POST /v2/enqueue</c> and <c>POST /v2/change/enqueue</c> (PagerDuty Events API v2) through real HTTP: triggers open
/// and de-duplicate incidents, acknowledge and resolve move them, invalid events are rejected in PagerDuty's shape and
/// store nothing. Run once on SQLite and once on PostgreSQL.
/// </summary>
public abstract class PagerDutyEventsApiTests(ServerFixture fixture)
{
    private readonly HttpClient _client = fixture.Enabled ? fixture.Client : new HttpClient();

    // ---- trigger ----

    [DatabaseFact]
    public async Task A_trigger_without_dedup_key_is_accepted_with_a_generated_key_and_opens_an_incident()
    {
        var service = PagerDutyCalls.Unique("pay");
        var integration = await _client.CreatePagerDutyIntegrationAsync(service);

        var answer = await _client.AcceptedAsync(PagerDutyCalls.Trigger(integration.Key(), dedupKey: null, summary: "Payment API p99 latency above 2 s"));

        var dedupKey = answer.Str("dedup_key");
        dedupKey.Should().NotBeNullOrWhiteSpace();
        answer["errors"].Should().BeNull();
        var alert = await _client.SingleAlertAsync(integration.Id());
        alert.Str("fingerprint").Should().Be(dedupKey);
        alert.Str("status").Should().Be("Firing");
        alert.Str("severity").Should().Be("critical");
        alert.Str("summary").Should().Be("Payment API p99 latency above 2 s");
        alert.Str("source").Should().Be("api-1.payments.example.com");
        alert.Int("count").Should().Be(1);

        var incident = await _client.GetIncidentAsync(alert.Str("incidentId"));
        incident.Str("title").Should().Be("Payment API p99 latency above 2 s");
        incident.Int("priority").Should().Be(1);
        incident.Str("state").Should().Be("New");
        incident.Str("service").Should().Be(service);
        incident.Str("caller").Should().Be($"integration:{integration.Str("name")}");
        incident.Str("description").Should().Contain("p99_ms").And.Contain("2350");
        var timeline = await _client.GetTimelineAsync(incident.Id());
        timeline.Select(e => e!.Str("kind")).Should().Equal("Created", "Alert");
        var fired = timeline[1]!;
        fired.Str("summary").Should().Be("Alert fired: Payment API p99 latency above 2 s");
        fired.Str("actor").Should().Be($"integration:{integration.Str("name")}");
        fired["data"]!.Str("fingerprint").Should().Be(dedupKey);
        fired["data"]!.Str("event").Should().Be("triggered");
        (await _client.IncidentCountAsync(service)).Should().Be(1);
    }

    [DatabaseFact]
    public async Task The_alert_keeps_payload_links_images_and_client_but_not_the_routing_key()
    {
        var integration = await _client.CreatePagerDutyIntegrationAsync(PagerDutyCalls.Unique("pay"));

        await _client.AcceptedAsync(PagerDutyCalls.Trigger(integration.Key(), "details-1"));

        var details = (await _client.SingleAlertAsync(integration.Id()))["details"]!;
        details["payload"]!.Str("component").Should().Be("api");
        details["payload"]!["custom_details"]!.Int("p99_ms").Should().Be(2350);
        details["links"]!.AsArray().Single()!.Str("href").Should().Be("https://grafana.example.com/d/payments");
        details["images"]!.AsArray().Single()!.Str("src").Should().Be("https://grafana.example.com/render/p99.png");
        details.Str("client").Should().Be("Synthetic monitor");
        details.Str("client_url").Should().Be("https://monitor.example.com/checks/42");
        DateTimeOffset.Parse(details.Str("timestamp"), System.Globalization.CultureInfo.InvariantCulture)
            .Should().Be(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        details.ToJsonString().Should().NotContain(integration.Key());
        details["routing_key"].Should().BeNull();
    }

    [DatabaseTheory]
    [InlineData("critical", 1)]
    [InlineData("error", 2)]
    [InlineData("warning", 3)]
    [InlineData("info", 5)]
    public async Task The_severity_sets_the_incident_priority(string severity, int priority)
    {
        var integration = await _client.CreatePagerDutyIntegrationAsync(PagerDutyCalls.Unique("pay"));

        var answer = await _client.AcceptedAsync(PagerDutyCalls.Trigger(integration.Key(), PagerDutyCalls.Unique("sev"), severity: severity));

        var alert = await _client.SingleAlertAsync(integration.Id());
        alert.Str("fingerprint").Should().Be(answer.Str("dedup_key"));
        alert.Str("severity").Should().Be(severity);
        (await _client.GetIncidentAsync(alert.Str("incidentId"))).Int("priority").Should().Be(priority);
    }

    [DatabaseFact]
    public async Task A_second_trigger_with_the_same_dedup_key_counts_on_the_same_alert_and_incident()
    {
        var service = PagerDutyCalls.Unique("pay");
        var integration = await _client.CreatePagerDutyIntegrationAsync(service);
        var dedupKey = PagerDutyCalls.Unique("dup");

        (await _client.AcceptedAsync(PagerDutyCalls.Trigger(integration.Key(), dedupKey, summary: "Queue depth high"))).Str("dedup_key").Should().Be(dedupKey);
        (await _client.AcceptedAsync(PagerDutyCalls.Trigger(integration.Key(), dedupKey, summary: "Queue depth still high"))).Str("dedup_key").Should().Be(dedupKey);

        var alert = await _client.SingleAlertAsync(integration.Id());
        alert.Int("count").Should().Be(2);
        alert.Str("status").Should().Be("Firing");
        alert.Str("summary").Should().Be("Queue depth still high");
        (await _client.IncidentCountAsync(service)).Should().Be(1);
        var timeline = await _client.GetTimelineAsync(alert.Str("incidentId"));
        var repeated = timeline.Where(e => e!.Str("kind") == "Alert").Select(e => e!).ToList();
        repeated.Should().HaveCount(2);
        repeated[1].Str("summary").Should().StartWith("Alert fired again").And.Contain("Queue depth still high");
        repeated[1]["data"]!.Str("event").Should().Be("repeated");
        repeated[1]["data"]!.Str("count").Should().Be("2");
    }

    [DatabaseFact]
    public async Task Triggers_with_different_dedup_keys_but_the_same_payload_group_share_one_incident()
    {
        var service = PagerDutyCalls.Unique("pay");
        var integration = await _client.CreatePagerDutyIntegrationAsync(service);
        var first = PagerDutyCalls.Trigger(integration.Key(), PagerDutyCalls.Unique("grp"), summary: "db-1 replication lag");
        first["payload"]!["group"] = "db-cluster";
        var second = PagerDutyCalls.Trigger(integration.Key(), PagerDutyCalls.Unique("grp"), summary: "db-2 replication lag");
        second["payload"]!["group"] = "db-cluster";

        await _client.AcceptedAsync(first);
        await _client.AcceptedAsync(second);

        var alerts = await _client.AlertsOfAsync(integration.Id());
        alerts.Should().HaveCount(2);
        alerts.Select(a => a.Str("incidentId")).Distinct().Should().ContainSingle();
        alerts.Should().OnlyContain(a => a.Str("groupKey") == "db-cluster");
        (await _client.IncidentCountAsync(service)).Should().Be(1);
        var timeline = await _client.GetTimelineAsync(alerts[0].Str("incidentId"));
        timeline.Last()!.Str("summary").Should().Be("Alert joined this incident (same group): db-2 replication lag");
    }

    // ---- acknowledge and resolve ----

    [DatabaseFact]
    public async Task Acknowledge_moves_the_incident_in_progress_and_resolve_auto_resolves_it_as_fixed()
    {
        var integration = await _client.CreatePagerDutyIntegrationAsync(PagerDutyCalls.Unique("pay"));
        var dedupKey = PagerDutyCalls.Unique("ack");
        await _client.AcceptedAsync(PagerDutyCalls.Trigger(integration.Key(), dedupKey));

        (await _client.AcceptedAsync(PagerDutyCalls.Action(integration.Key(), "acknowledge", dedupKey))).Str("dedup_key").Should().Be(dedupKey);

        var acknowledged = await _client.SingleAlertAsync(integration.Id());
        acknowledged.Str("status").Should().Be("Acknowledged");
        acknowledged["acknowledgedAt"].Should().NotBeNull();
        var incidentId = acknowledged.Str("incidentId");
        (await _client.GetIncidentAsync(incidentId)).Str("state").Should().Be("InProgress");

        (await _client.AcceptedAsync(PagerDutyCalls.Action(integration.Key(), "resolve", dedupKey))).Str("dedup_key").Should().Be(dedupKey);

        var resolved = await _client.SingleAlertAsync(integration.Id());
        resolved.Str("status").Should().Be("Resolved");
        resolved["resolvedAt"].Should().NotBeNull();
        var incident = await _client.GetIncidentAsync(incidentId);
        incident.Str("state").Should().Be("Resolved");
        incident.Str("resolutionCode").Should().Be("Fixed");
        var summaries = (await _client.GetTimelineAsync(incidentId)).Select(e => e!.Str("summary")).ToList();
        summaries.Should().Contain(s => s.StartsWith("Alert acknowledged at the source", StringComparison.Ordinal));
        summaries.Should().Contain(s => s.StartsWith("Alert resolved at the source", StringComparison.Ordinal));
    }

    [DatabaseFact]
    public async Task Resolve_without_auto_resolve_leaves_the_incident_open()
    {
        var integration = await _client.CreatePagerDutyIntegrationAsync(PagerDutyCalls.Unique("pay"), autoResolve: false);
        var dedupKey = PagerDutyCalls.Unique("manual");
        await _client.AcceptedAsync(PagerDutyCalls.Trigger(integration.Key(), dedupKey));

        await _client.AcceptedAsync(PagerDutyCalls.Action(integration.Key(), "resolve", dedupKey));

        var alert = await _client.SingleAlertAsync(integration.Id());
        alert.Str("status").Should().Be("Resolved");
        (await _client.GetIncidentAsync(alert.Str("incidentId"))).Str("state").Should().Be("New");
    }

    [DatabaseFact]
    public async Task A_trigger_after_resolve_reopens_the_resolved_incident_with_a_new_alert()
    {
        var service = PagerDutyCalls.Unique("pay");
        var integration = await _client.CreatePagerDutyIntegrationAsync(service);
        var dedupKey = PagerDutyCalls.Unique("refire");
        await _client.AcceptedAsync(PagerDutyCalls.Trigger(integration.Key(), dedupKey));
        await _client.AcceptedAsync(PagerDutyCalls.Action(integration.Key(), "resolve", dedupKey));

        await _client.AcceptedAsync(PagerDutyCalls.Trigger(integration.Key(), dedupKey));

        var alerts = await _client.AlertsOfAsync(integration.Id());
        alerts.Should().HaveCount(2);
        alerts.Select(a => a.Str("status")).Should().BeEquivalentTo(["Firing", "Resolved"]);
        alerts.Select(a => a.Str("incidentId")).Distinct().Should().ContainSingle();
        var incident = await _client.GetIncidentAsync(alerts[0].Str("incidentId"));
        incident.Str("state").Should().Be("InProgress");
        incident.Int("reopenCount").Should().Be(1);
        (await _client.IncidentCountAsync(service)).Should().Be(1);
    }

    [DatabaseTheory]
    [InlineData("acknowledge")]
    [InlineData("resolve")]
    public async Task Acknowledge_or_resolve_of_an_unknown_dedup_key_is_accepted_and_stores_nothing(string action)
    {
        var service = PagerDutyCalls.Unique("pay");
        var integration = await _client.CreatePagerDutyIntegrationAsync(service);
        var dedupKey = PagerDutyCalls.Unique("nobody");

        (await _client.AcceptedAsync(PagerDutyCalls.Action(integration.Key(), action, dedupKey))).Str("dedup_key").Should().Be(dedupKey);

        (await _client.AlertsOfAsync(integration.Id())).Should().BeEmpty();
        (await _client.IncidentCountAsync(service)).Should().Be(0);
    }

    // ---- invalid events ----

    [DatabaseTheory]
    [InlineData("short routing key", "Length of 'routing_key' is incorrect (should be 32 characters)")]
    [InlineData("no routing key", "'routing_key' is missing or blank")]
    [InlineData("no summary", "'payload.summary' is missing or blank")]
    [InlineData("blank summary", "'payload.summary' is missing or blank")]
    [InlineData("no source", "'payload.source' is missing or blank")]
    [InlineData("no severity", "'payload.severity' is missing or blank")]
    [InlineData("unknown severity", "'payload.severity' is invalid (must be one of: critical, error, warning, info); got 'fatal'")]
    [InlineData("unknown action", "'event_action' is invalid (must be one of: trigger, acknowledge, resolve); got 'escalate'")]
    [InlineData("no action", "'event_action' is missing or blank")]
    [InlineData("acknowledge without dedup key", "'dedup_key' is required to acknowledge an alert")]
    [InlineData("resolve without dedup key", "'dedup_key' is required to resolve an alert")]
    [InlineData("no payload", "'payload' is missing: a trigger needs payload.summary, payload.source and payload.severity")]
    [InlineData("bad timestamp", "'payload.timestamp' is not an ISO 8601 date and time; got 'yesterday'")]
    [InlineData("links not an array", "'links' must be an array")]
    [InlineData("long dedup key", "'dedup_key' is longer than 255 characters")]
    public async Task An_invalid_event_is_a_400_naming_the_field_and_stores_nothing(string mistake, string error)
    {
        var service = PagerDutyCalls.Unique("pay");
        var integration = await _client.CreatePagerDutyIntegrationAsync(service);
        var body = PagerDutyCalls.Trigger(integration.Key(), PagerDutyCalls.Unique("bad"));
        var payload = body["payload"]!.AsObject();
        switch (mistake)
        {
            case "short routing key": body["routing_key"] = integration.Key()[..20]; break;
            case "no routing key": body.Remove("routing_key"); break;
            case "no summary": payload.Remove("summary"); break;
            case "blank summary": payload["summary"] = "   "; break;
            case "no source": payload.Remove("source"); break;
            case "no severity": payload.Remove("severity"); break;
            case "unknown severity": payload["severity"] = "fatal"; break;
            case "unknown action": body["event_action"] = "escalate"; break;
            case "no action": body.Remove("event_action"); break;
            case "acknowledge without dedup key": body = PagerDutyCalls.Action(integration.Key(), "acknowledge", null); break;
            case "resolve without dedup key": body = PagerDutyCalls.Action(integration.Key(), "resolve", null); break;
            case "no payload": body.Remove("payload"); break;
            case "bad timestamp": payload["timestamp"] = "yesterday"; break;
            case "links not an array": body["links"] = "https://example.com"; break;
            case "long dedup key": body["dedup_key"] = new string('k', 256); break;
            default: throw new ArgumentOutOfRangeException(nameof(mistake), mistake, null);
        }

        var errors = await (await _client.EnqueueAsync(body)).ShouldBeInvalidEventAsync();

        errors.Should().Equal(error);
        (await _client.AlertsOfAsync(integration.Id())).Should().BeEmpty();
        (await _client.IncidentCountAsync(service)).Should().Be(0);
    }

    [DatabaseFact]
    public async Task Malformed_json_is_a_400_in_PagerDutys_shape()
    {
        var service = PagerDutyCalls.Unique("pay");
        var integration = await _client.CreatePagerDutyIntegrationAsync(service);

        var response = await _client.PostRawAsync("/v2/enqueue",
            $$"""{ "routing_key": "{{integration.Key()}}", "event_action": "trigger", "payload": { "summary": "x", """);

        var errors = await response.ShouldBeInvalidEventAsync();
        errors.Should().ContainSingle().Which.Should().Contain("not valid JSON");
        (await _client.AlertsOfAsync(integration.Id())).Should().BeEmpty();
        (await _client.IncidentCountAsync(service)).Should().Be(0);
    }

    [DatabaseTheory]
    [InlineData("[]")]
    [InlineData("\"trigger\"")]
    public async Task A_body_that_is_not_an_object_is_a_400(string json)
    {
        var errors = await (await _client.PostRawAsync("/v2/enqueue", json)).ShouldBeInvalidEventAsync();

        errors.Should().Equal("Event object is invalid: the body must be a JSON object.");
    }

    [DatabaseFact]
    public async Task Several_mistakes_are_all_listed_at_once()
    {
        var service = PagerDutyCalls.Unique("pay");
        var integration = await _client.CreatePagerDutyIntegrationAsync(service);
        var body = PagerDutyCalls.Trigger(integration.Key(), null);
        body["routing_key"] = "too-short";
        body["payload"]!.AsObject().Remove("summary");
        body["payload"]!.AsObject().Remove("source");
        body["payload"]!["severity"] = "disaster";

        var errors = await (await _client.EnqueueAsync(body)).ShouldBeInvalidEventAsync();

        errors.Should().BeEquivalentTo(
            "Length of 'routing_key' is incorrect (should be 32 characters)",
            "'payload.summary' is missing or blank",
            "'payload.source' is missing or blank",
            "'payload.severity' is invalid (must be one of: critical, error, warning, info); got 'disaster'");
        (await _client.IncidentCountAsync(service)).Should().Be(0);
    }

    [DatabaseFact]
    public async Task The_key_of_an_integration_of_another_kind_is_a_400_and_stores_nothing()
    {
        var service = PagerDutyCalls.Unique("pay");
        var alertmanager = await (await _client.PostAsJsonAsync("/api/integrations", new
        {
            name = PagerDutyCalls.Unique("am"),
            kind = "Alertmanager",
            service,
        })).ShouldBeAsync(HttpStatusCode.Created);

        var errors = await (await _client.EnqueueAsync(PagerDutyCalls.Trigger(alertmanager.Str("key"), "other-kind"))).ShouldBeInvalidEventAsync();

        errors.Should().ContainSingle().Which.Should().Contain("Alertmanager");
        (await _client.IncidentCountAsync(service)).Should().Be(0);
    }

    // ---- keys, rate and size ----

    [DatabaseFact]
    public async Task An_unknown_routing_key_and_a_revoked_integrations_key_get_the_same_404()
    {
        var service = PagerDutyCalls.Unique("pay");
        var revoked = await _client.CreatePagerDutyIntegrationAsync(service);
        await _client.AcceptedAsync(PagerDutyCalls.Trigger(revoked.Key(), "before-revoke"));
        (await _client.DeleteAsync($"/api/integrations/{revoked.Id()}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var unknownKey = new string('q', 32);

        var unknown = await _client.EnqueueAsync(PagerDutyCalls.Trigger(unknownKey, "after-revoke"));
        var gone = await _client.EnqueueAsync(PagerDutyCalls.Trigger(revoked.Key(), "after-revoke"));

        var unknownBody = await unknown.ShouldBeAsync(HttpStatusCode.NotFound);
        var goneBody = await gone.ShouldBeAsync(HttpStatusCode.NotFound);
        goneBody.ToJsonString().Should().Be(unknownBody.ToJsonString());
        unknownBody.Str("status").Should().Be("invalid event");
        goneBody.ToJsonString().Should().NotContain(revoked.Key());
        (await _client.AlertsOfAsync(revoked.Id())).Should().ContainSingle().Which.Str("fingerprint").Should().Be("before-revoke");
        (await _client.IncidentCountAsync(service)).Should().Be(1);

        var change = await _client.EnqueueChangeAsync(new JsonObject
        {
            ["routing_key"] = revoked.Key(),
            ["payload"] = new JsonObject { ["summary"] = "Deployed v2" },
        });
        (await change.ShouldBeAsync(HttpStatusCode.NotFound)).ToJsonString().Should().Be(unknownBody.ToJsonString());
    }

    [DatabaseFact]
    public async Task Posting_faster_than_the_rate_limit_is_a_429_with_Retry_After()
    {
        var service = PagerDutyCalls.Unique("pay");
        var integration = await _client.CreatePagerDutyIntegrationAsync(service, rateLimit: new { requestsPerSecond = 1, burst = 2 });

        // The bucket holds 2 and gains 1 a second; posting until refused copes with a slow machine, where a token may
        // come back between the second and third post.
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 10 && responses.All(r => r.StatusCode != HttpStatusCode.TooManyRequests); i++)
        {
            responses.Add(await _client.EnqueueAsync(PagerDutyCalls.Trigger(integration.Key(), $"rate-{i}")));
        }

        await responses[0].ShouldBeAsync(HttpStatusCode.Accepted);
        await responses[1].ShouldBeAsync(HttpStatusCode.Accepted);
        var refused = responses[^1];
        var throttled = await refused.ShouldBeAsync(HttpStatusCode.TooManyRequests);
        throttled.Str("status").Should().Be("throttle event");
        refused.Headers.RetryAfter.Should().NotBeNull();
        refused.Headers.RetryAfter!.Delta.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1));
        var accepted = Enumerable.Range(0, responses.Count - 1).Select(i => $"rate-{i}");
        (await _client.AlertsOfAsync(integration.Id())).Select(a => a.Str("fingerprint")).Should().BeEquivalentTo(accepted);
    }

    [DatabaseFact]
    public async Task A_body_over_512_KB_is_a_413_and_stores_nothing()
    {
        var service = PagerDutyCalls.Unique("pay");
        var integration = await _client.CreatePagerDutyIntegrationAsync(service);
        var body = PagerDutyCalls.Trigger(integration.Key(), "too-large");
        body["payload"]!["custom_details"] = new JsonObject { ["dump"] = new string('x', 520 * 1024) };

        var response = await _client.EnqueueAsync(body);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await _client.AlertsOfAsync(integration.Id())).Should().BeEmpty();
        (await _client.IncidentCountAsync(service)).Should().Be(0);
    }

    // ---- change events ----

    [DatabaseFact]
    public async Task A_change_event_is_recorded_on_each_open_incident_of_the_service_and_opens_none()
    {
        var service = PagerDutyCalls.Unique("chg");
        var integration = await _client.CreatePagerDutyIntegrationAsync(service);
        await _client.AcceptedAsync(PagerDutyCalls.Trigger(integration.Key(), "change-alert"));
        var fromAlert = (await _client.SingleAlertAsync(integration.Id())).Str("incidentId");
        var open = (await _client.CreateIncidentAsync(new { title = "Slow refunds", impact = 2, urgency = 2, service })).Id();
        var resolved = (await _client.CreateIncidentAsync(new { title = "Old resolved", impact = 2, urgency = 2, service })).Id();
        await _client.MoveAsync(resolved, new { to = "Resolved", resolutionCode = "Fixed", notes = "Done" });
        var closed = (await _client.CreateIncidentAsync(new { title = "Old closed", impact = 2, urgency = 2, service })).Id();
        await _client.MoveAsync(closed, new { to = "Resolved", resolutionCode = "Fixed", notes = "Done" });
        await _client.MoveAsync(closed, new { to = "Closed" });
        var cancelled = (await _client.CreateIncidentAsync(new { title = "Duplicate", impact = 2, urgency = 2, service })).Id();
        await _client.MoveAsync(cancelled, new { to = "Cancelled", notes = "Duplicate" });
        var otherService = (await _client.CreateIncidentAsync(new { title = "Elsewhere", impact = 2, urgency = 2, service = service + "-other" })).Id();
        var before = await _client.IncidentCountAsync(service);

        var response = await _client.EnqueueChangeAsync(new JsonObject
        {
            ["routing_key"] = integration.Key(),
            ["payload"] = new JsonObject
            {
                ["summary"] = "Deployed payments-api v2.4.1",
                ["source"] = "ci.example.com",
                ["timestamp"] = "2026-11-27T10:00:00Z",
                ["custom_details"] = new JsonObject { ["build"] = 1234 },
            },
            ["links"] = new JsonArray(new JsonObject { ["href"] = "https://ci.example.com/builds/1234", ["text"] = "Build" }),
        });

        var answer = await response.ShouldBeAsync(HttpStatusCode.Accepted);
        answer.Str("status").Should().Be("success");
        answer.Str("message").Should().Be("Change event processed");
        answer["dedup_key"].Should().BeNull();
        (await _client.IncidentCountAsync(service)).Should().Be(before);
        (await _client.AlertsOfAsync(integration.Id())).Should().ContainSingle();
        foreach (var id in new[] { fromAlert, open, resolved })
        {
            var change = (await _client.GetTimelineAsync(id)).Where(e => e!.Str("kind") == "ChangeEvent").Should().ContainSingle($"incident {id} is open").Subject!;
            change.Str("summary").Should().Be("Change: Deployed payments-api v2.4.1");
            change.Str("actor").Should().Be($"integration:{integration.Str("name")}");
            change["data"]!.Str("source").Should().Be("ci.example.com");
            change["data"]!.Str("details").Should().Contain("builds/1234").And.Contain("1234");
        }

        foreach (var id in new[] { closed, cancelled, otherService })
        {
            (await _client.GetTimelineAsync(id)).Should().NotContain(e => e!.Str("kind") == "ChangeEvent", $"incident {id} is closed, cancelled or of another service");
        }
    }

    [DatabaseFact]
    public async Task A_change_event_for_a_service_without_incidents_is_accepted_and_opens_none()
    {
        var service = PagerDutyCalls.Unique("chg");
        var integration = await _client.CreatePagerDutyIntegrationAsync(service);

        var response = await _client.EnqueueChangeAsync(new JsonObject
        {
            ["routing_key"] = integration.Key(),
            ["payload"] = new JsonObject { ["summary"] = "Feature flag flipped" },
        });

        (await response.ShouldBeAsync(HttpStatusCode.Accepted)).Str("message").Should().Be("Change event processed");
        (await _client.IncidentCountAsync(service)).Should().Be(0);
        (await _client.AlertsOfAsync(integration.Id())).Should().BeEmpty();
    }

    [DatabaseFact]
    public async Task An_invalid_change_event_is_a_400_listing_its_mistakes()
    {
        var service = PagerDutyCalls.Unique("chg");
        var integration = await _client.CreatePagerDutyIntegrationAsync(service);
        await _client.AcceptedAsync(PagerDutyCalls.Trigger(integration.Key(), "chg-invalid"));
        var incidentId = (await _client.SingleAlertAsync(integration.Id())).Str("incidentId");

        var errors = await (await _client.EnqueueChangeAsync(new JsonObject
        {
            ["routing_key"] = integration.Key()[..31],
            ["payload"] = new JsonObject { ["source"] = "ci" },
        })).ShouldBeInvalidEventAsync();
        var noPayload = await (await _client.EnqueueChangeAsync(new JsonObject { ["routing_key"] = integration.Key() })).ShouldBeInvalidEventAsync();

        errors.Should().BeEquivalentTo("Length of 'routing_key' is incorrect (should be 32 characters)", "'payload.summary' is missing or blank");
        noPayload.Should().Equal("'payload' is missing: a change event needs payload.summary");
        (await _client.GetTimelineAsync(incidentId)).Should().NotContain(e => e!.Str("kind") == "ChangeEvent");
    }
}

public sealed class PagerDutyEventsApiOnSqlite(SqliteServerFixture fixture) : PagerDutyEventsApiTests(fixture), IClassFixture<SqliteServerFixture>;

public sealed class PagerDutyEventsApiOnPostgreSql(PostgreSqlServerFixture fixture)
    : PagerDutyEventsApiTests(fixture), IClassFixture<PostgreSqlServerFixture>, IRunsOnPostgreSql;
