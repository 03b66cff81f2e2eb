using System.Net;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Api;
using Orchestrator.Server.Tests.Hosting;

namespace Orchestrator.Server.Tests.Intake;

/// <summary>
/// <c>POST /api/intake/webhook/{key}</c>: any JSON becomes an alert through the integration's mapping of Scriban
/// expressions over <c>payload</c>. Run on SQLite and on PostgreSQL.
/// </summary>
public abstract class WebhookIntakeTests(ServerFixture fixture)
{
    private readonly HttpClient _client = fixture.Enabled ? fixture.Client : new HttpClient();

    private static JsonObject CheckMapping() => new()
    {
        ["title"] = "payload.check.name",
        ["description"] = "payload.check.output",
        ["fingerprint"] = "payload.check.id",
        ["severity"] = "payload.level",
        ["status"] = "payload.state",
        ["service"] = "payload.svc",
    };

    /// <summary>A check result as an uptime monitor might post it.</summary>
    private static JsonObject Check(string id, string state, string level = "critical", string name = "Payments API health check failing", string svc = "payments") =>
        new()
        {
            ["check"] = new JsonObject
            {
                ["id"] = id,
                ["name"] = name,
                ["output"] = "HTTP 503 from https://payments.example.com/healthz after 2.1 s",
                ["url"] = "https://payments.example.com/healthz",
            },
            ["level"] = level,
            ["state"] = state,
            ["svc"] = svc,
            ["region"] = "eu-west-1",
            ["checkedAt"] = IntakeCalls.Time(DateTimeOffset.UtcNow),
        };

    private Task<JsonNode> CreateWebhookAsync(JsonObject? mapping = null, JsonObject? settings = null)
    {
        var extra = settings ?? [];
        extra["mapping"] = mapping ?? CheckMapping();
        return _client.CreateIntegrationAsync(IntakeCalls.IntegrationBody("Webhook", extra));
    }

    [DatabaseFact]
    public async Task Mapped_payload_opens_an_incident_with_title_severity_and_service()
    {
        var integration = await CreateWebhookAsync();
        integration.Str("intakeUrl").Should().EndWith($"/api/intake/webhook/{integration.Str("key")}");
        var checkId = $"chk-{Guid.NewGuid():N}";

        var result = await _client.SendWebhookAsync(integration.Str("key"), Check(checkId, "alerting"));

        result.ShouldCount(opened: 1, updated: 0, unchanged: 0);
        var incident = await _client.GetIncidentAsync(result.IncidentIds().Single());
        incident.Str("title").Should().Be("Payments API health check failing");
        incident.Str("description").Should().Be("HTTP 503 from https://payments.example.com/healthz after 2.1 s");
        incident.Int("priority").Should().Be(1);
        incident.Str("service").Should().Be("payments");
        incident.Str("state").Should().Be("New");
        var alert = (await _client.AlertsOfIntegrationAsync(integration.Id())).Single();
        alert.Str("fingerprint").Should().Be(checkId);
        alert.Str("severity").Should().Be("critical");
        alert.Str("status").Should().Be("Firing");
        alert["details"]!["payload"]!["check"]!.Str("url").Should().Be("https://payments.example.com/healthz");
        var timeline = await _client.GetTimelineAsync(incident.Id());
        timeline.Select(e => e!.Str("kind")).Should().Equal("Created", "Alert");
        timeline.Last()!.Str("actor").Should().Be($"integration:{integration.Str("name")}");
    }

    [DatabaseTheory]
    [InlineData("alerting", "ok")]
    [InlineData("firing", "resolved")]
    [InlineData("triggered", "recovered")]
    public async Task Resolving_status_resolves_the_alert_and_the_incident(string firing, string resolved)
    {
        var integration = await CreateWebhookAsync();
        var key = integration.Str("key");
        var checkId = $"chk-{Guid.NewGuid():N}";
        var id = (await _client.SendWebhookAsync(key, Check(checkId, firing))).IncidentIds().Single();

        var result = await _client.SendWebhookAsync(key, Check(checkId, resolved));

        result.ShouldCount(opened: 0, updated: 1, unchanged: 0);
        result.IncidentIds().Should().Equal(id);
        var alert = (await _client.AlertsOfIntegrationAsync(integration.Id())).Single();
        alert.Str("status").Should().Be("Resolved");
        var incident = await _client.GetIncidentAsync(id);
        incident.Str("state").Should().Be("Resolved");
        incident.Str("resolutionCode").Should().Be("Fixed");
    }

    [DatabaseFact]
    public async Task Acknowledged_status_acknowledges_the_alert_and_starts_work_on_the_incident()
    {
        var integration = await CreateWebhookAsync();
        var key = integration.Str("key");
        var checkId = $"chk-{Guid.NewGuid():N}";
        var id = (await _client.SendWebhookAsync(key, Check(checkId, "alerting"))).IncidentIds().Single();

        var ack = await _client.SendWebhookAsync(key, Check(checkId, "acknowledged"));

        ack.ShouldCount(opened: 0, updated: 1, unchanged: 0);
        var alert = (await _client.AlertsOfIntegrationAsync(integration.Id())).Single();
        alert.Str("status").Should().Be("Acknowledged");
        alert["acknowledgedAt"].Should().NotBeNull();
        (await _client.GetIncidentAsync(id)).Str("state").Should().Be("InProgress");
        var timeline = await _client.GetTimelineAsync(id);
        timeline.Select(e => e!.Str("kind")).Should().Equal("Created", "Alert", "Alert", "StateChanged");

        var again = await _client.SendWebhookAsync(key, Check(checkId, "ack"));
        again.ShouldCount(opened: 0, updated: 0, unchanged: 1);

        var resolved = await _client.SendWebhookAsync(key, Check(checkId, "resolved"));
        resolved.ShouldCount(opened: 0, updated: 1, unchanged: 0);
        (await _client.GetIncidentAsync(id)).Str("state").Should().Be("Resolved");
    }

    [DatabaseFact]
    public async Task Reposting_a_firing_check_counts_a_repeat_on_the_same_alert()
    {
        var integration = await CreateWebhookAsync();
        var key = integration.Str("key");
        var checkId = $"chk-{Guid.NewGuid():N}";
        var id = (await _client.SendWebhookAsync(key, Check(checkId, "alerting"))).IncidentIds().Single();

        var repeat = await _client.SendWebhookAsync(key, Check(checkId, "alerting"));

        repeat.ShouldCount(opened: 0, updated: 1, unchanged: 0);
        repeat.IncidentIds().Should().Equal(id);
        (await _client.AlertsOfIntegrationAsync(integration.Id())).Single().Int("count").Should().Be(2);
        (await _client.GetTimelineAsync(id)).Last()!.Str("summary").Should().Contain("fired again");
    }

    [DatabaseFact]
    public async Task Without_a_fingerprint_mapping_alerts_are_told_apart_by_title()
    {
        var integration = await CreateWebhookAsync(new JsonObject { ["title"] = "payload.check.name", ["status"] = "payload.state" },
            new JsonObject { ["groupingWindowSeconds"] = 0 });
        var key = integration.Str("key");

        var a = await _client.SendWebhookAsync(key, Check("1", "alerting", name: "Disk full on db-1"));
        var b = await _client.SendWebhookAsync(key, Check("2", "alerting", name: "Disk full on db-1"));
        var c = await _client.SendWebhookAsync(key, Check("3", "alerting", name: "Disk full on db-2"));

        a.ShouldCount(opened: 1, updated: 0, unchanged: 0);
        b.ShouldCount(opened: 0, updated: 1, unchanged: 0);
        c.ShouldCount(opened: 1, updated: 0, unchanged: 0);
        var alerts = await _client.AlertsOfIntegrationAsync(integration.Id());
        alerts.Select(x => x.Str("fingerprint")).Should().BeEquivalentTo(["Disk full on db-1", "Disk full on db-2"]);
        var incident = await _client.GetIncidentAsync(a.IncidentIds().Single());
        incident.Int("priority").Should().Be(3, "without a severity mapping alerts are warnings");
        incident.Str("service").Should().Be(integration.Str("service"), "without a service mapping the integration's service is used");
    }

    [DatabaseFact]
    public async Task Group_key_mapping_puts_related_checks_on_one_incident()
    {
        var mapping = CheckMapping();
        mapping["groupKey"] = "payload.region";
        var integration = await CreateWebhookAsync(mapping);
        var key = integration.Str("key");

        var a = await _client.SendWebhookAsync(key, Check($"chk-{Guid.NewGuid():N}", "alerting", name: "Payments down"));
        var b = await _client.SendWebhookAsync(key, Check($"chk-{Guid.NewGuid():N}", "alerting", name: "Checkout down"));

        b.ShouldCount(opened: 1, updated: 0, unchanged: 0);
        b.IncidentIds().Should().Equal(a.IncidentIds());
        (await _client.AlertsOfIncidentAsync(a.IncidentIds()[0])).Select(x => x.Str("groupKey")).Should().Equal("eu-west-1", "eu-west-1");
    }

    [DatabaseFact]
    public async Task Expression_reading_a_field_the_payload_lacks_is_400_naming_the_mapping_field_and_stores_nothing()
    {
        var integration = await CreateWebhookAsync();
        var key = integration.Str("key");
        var withoutLevel = Check($"chk-{Guid.NewGuid():N}", "alerting");
        withoutLevel.Remove("level");
        var withoutCheck = Check($"chk-{Guid.NewGuid():N}", "alerting");
        withoutCheck.Remove("check");

        var severity = await (await _client.PostWebhookAsync(key, withoutLevel)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var title = await (await _client.PostWebhookAsync(key, withoutCheck)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        severity.Str("field").Should().Be("mapping.severity");
        severity["errors"]!["mapping.severity"].Should().NotBeNull();
        title.Str("field").Should().Be("mapping.title");
        await _client.ShouldHaveStoredNothingAsync(integration);
    }

    [DatabaseFact]
    public async Task Unknown_status_value_is_400_naming_mapping_status_and_stores_nothing()
    {
        var integration = await CreateWebhookAsync();

        var problem = await (await _client.PostWebhookAsync(integration.Str("key"), Check($"chk-{Guid.NewGuid():N}", "exploded")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.Str("field").Should().Be("mapping.status");
        problem.Str("detail").Should().Contain("exploded");
        await _client.ShouldHaveStoredNothingAsync(integration);
    }

    [DatabaseFact]
    public async Task Malformed_json_is_400_and_stores_nothing()
    {
        var integration = await CreateWebhookAsync();

        var response = await _client.PostRawAsync($"/api/intake/webhook/{integration.Str("key")}", """{"check": {"id": "x", "name": }""");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.Str("field").Should().Contain("check", "the problem names where in the document the syntax error is; it was {0}", problem.ToJsonString());
        await _client.ShouldHaveStoredNothingAsync(integration);
    }

    [DatabaseFact]
    public async Task Invalid_expression_is_rejected_at_create_naming_the_mapping_field()
    {
        var body = IntakeCalls.IntegrationBody("Webhook", new JsonObject
        {
            ["mapping"] = new JsonObject { ["title"] = "payload.check.name |", ["severity"] = "payload.level" },
        });

        var problem = await (await _client.PostIntegrationAsync(body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.Str("field").Should().Be("mapping.title");
        problem["errors"]!["mapping.title"].Should().NotBeNull();
        await ShouldNotExistAsync(body);
    }

    [DatabaseFact]
    public async Task Invalid_expression_in_another_field_names_that_field()
    {
        var body = IntakeCalls.IntegrationBody("Webhook", new JsonObject
        {
            ["mapping"] = new JsonObject { ["title"] = "payload.check.name", ["fingerprint"] = "payload.check.id +" },
        });

        var problem = await (await _client.PostIntegrationAsync(body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.Str("field").Should().Be("mapping.fingerprint");
        await ShouldNotExistAsync(body);
    }

    [DatabaseFact]
    public async Task Webhook_integration_without_a_mapping_is_400_naming_mapping_title()
    {
        var body = IntakeCalls.IntegrationBody("Webhook");
        var blank = IntakeCalls.IntegrationBody("Webhook", new JsonObject { ["mapping"] = new JsonObject { ["title"] = "  " } });

        var missing = await (await _client.PostIntegrationAsync(body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var empty = await (await _client.PostIntegrationAsync(blank)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        missing.Str("field").Should().Be("mapping.title");
        empty.Str("field").Should().Be("mapping.title");
        await ShouldNotExistAsync(body);
        await ShouldNotExistAsync(blank);
    }

    [DatabaseFact]
    public async Task Mapping_on_an_alertmanager_integration_is_400_naming_mapping()
    {
        var body = IntakeCalls.IntegrationBody("Alertmanager", new JsonObject { ["mapping"] = new JsonObject { ["title"] = "payload.title" } });

        var problem = await (await _client.PostIntegrationAsync(body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.Str("field").Should().Be("mapping");
        await ShouldNotExistAsync(body);
    }

    [DatabaseFact]
    public async Task Webhook_key_on_the_alertmanager_route_is_400_and_stores_nothing()
    {
        var integration = await CreateWebhookAsync();
        var alert = IntakeCalls.FiringAlert("HighErrorRate", "checkout-1", IntakeCalls.Recently(), IntakeCalls.NewFingerprint());

        var problem = await (await _client.PostAlertmanagerAsync(integration.Str("key"), IntakeCalls.Notification(alert)))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.Str("field").Should().Be("key");
        await _client.ShouldHaveStoredNothingAsync(integration);
    }

    private async Task ShouldNotExistAsync(JsonObject body)
    {
        var name = body["name"]!.GetValue<string>();
        (await _client.ListIntegrationsAsync()).Should().NotContain(i => i!.Str("name") == name, "a rejected integration is not created");
    }
}

public sealed class WebhookIntakeOnSqlite(SqliteServerFixture fixture) : WebhookIntakeTests(fixture), IClassFixture<SqliteServerFixture>;

public sealed class WebhookIntakeOnPostgreSql(PostgreSqlServerFixture fixture) : WebhookIntakeTests(fixture), IClassFixture<PostgreSqlServerFixture>, IRunsOnPostgreSql;
