using System.Net;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Api;
using Orchestrator.Server.Tests.Hosting;

namespace Orchestrator.Server.Tests.Intake;

/// <summary>The integration routes under <c>/api/integrations</c> through real HTTP, on SQLite and on PostgreSQL.</summary>
public abstract class IntegrationsApiTests(ServerFixture fixture)
{
    private readonly HttpClient _client = fixture.Enabled ? fixture.Client : new HttpClient();

    [DatabaseFact]
    public async Task Create_returns_201_with_key_intake_url_and_defaults()
    {
        var body = new JsonObject { ["name"] = IntakeCalls.Unique("prometheus-prod"), ["kind"] = "Alertmanager" };

        var response = await _client.PostIntegrationAsync(body);

        var integration = await response.ShouldBeAsync(HttpStatusCode.Created);
        response.Headers.Location!.ToString().Should().Be($"/api/integrations/{integration.Id()}");
        response.Headers.ETag!.Tag.Should().Be("\"1\"");
        integration.Str("name").Should().Be(body["name"]!.GetValue<string>());
        integration.Str("kind").Should().Be("Alertmanager");
        var key = integration.Str("key");
        key.Should().MatchRegex("^[a-z0-9]{32}$");
        var intakeUrl = new Uri(integration.Str("intakeUrl"));
        intakeUrl.IsAbsoluteUri.Should().BeTrue();
        intakeUrl.AbsolutePath.Should().Be($"/api/intake/alertmanager/{key}");
        integration.Int("version").Should().Be(1);
        integration["isRevoked"]!.GetValue<bool>().Should().BeFalse();
        integration.Int("groupingWindowSeconds").Should().Be(3600);
        integration["autoResolve"]!.GetValue<bool>().Should().BeTrue();
        integration.Str("onRefire").Should().Be("Reopen");
        integration["rateLimit"]!.Int("requestsPerSecond").Should().Be(10);
        integration["rateLimit"]!.Int("burst").Should().Be(200);
        var mapping = integration["severityMapping"]!.AsObject();
        mapping.Select(m => (m.Key, m.Value!.Int("impact"), m.Value!.Int("urgency"))).Should().BeEquivalentTo(
            [("critical", 1, 1), ("error", 2, 1), ("warning", 2, 2), ("info", 3, 3)]);
        integration["mapping"].Should().BeNull();
        integration["service"].Should().BeNull();
    }

    [DatabaseFact]
    public async Task A_severity_mapping_that_leaves_out_impact_says_it_is_missing_not_that_it_is_0()
    {
        var body = IntakeCalls.IntegrationBody("Alertmanager", new JsonObject
        {
            ["severityMapping"] = new JsonObject { ["critical"] = new JsonObject { ["urgency"] = 1 } },
        });

        var problem = await (await _client.PostIntegrationAsync(body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.Str("field").Should().Be("severityMapping.critical.impact");
        problem.Str("detail").Should().Be("severityMapping.critical.impact is missing (or 0): it must be 1 (high), 2 (medium) or 3 (low).");
    }

    [DatabaseTheory]
    [InlineData("burst", "rateLimit.requestsPerSecond", "rateLimit.requestsPerSecond is required when rateLimit is given: requests a second, 1–100000.")]
    [InlineData("requestsPerSecond", "rateLimit.burst", "rateLimit.burst is required when rateLimit is given: requests at once, 1–1000000.")]
    public async Task A_rate_limit_that_leaves_out_a_number_names_it_instead_of_reading_0(string given, string field, string detail)
    {
        var body = IntakeCalls.IntegrationBody("Alertmanager", new JsonObject { ["rateLimit"] = new JsonObject { [given] = 5 } });

        var problem = await (await _client.PostIntegrationAsync(body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.Str("field").Should().Be(field);
        problem.Str("detail").Should().Be(detail);
        (await _client.ListIntegrationsAsync()).Select(i => i!.Str("name")).Should().NotContain(body["name"]!.GetValue<string>());
    }

    [DatabaseFact]
    public async Task Create_keeps_the_given_settings_and_merges_the_severity_mapping_with_the_defaults()
    {
        var body = IntakeCalls.IntegrationBody("Alertmanager", new JsonObject
        {
            ["severityMapping"] = new JsonObject
            {
                ["Page"] = new JsonObject { ["impact"] = 1, ["urgency"] = 2 },
                ["critical"] = new JsonObject { ["impact"] = 2, ["urgency"] = 1 },
            },
            ["groupingWindowSeconds"] = 0,
            ["autoResolve"] = false,
            ["onRefire"] = "NewIncident",
            ["rateLimit"] = new JsonObject { ["requestsPerSecond"] = 5, ["burst"] = 50 },
        });

        var integration = await _client.CreateIntegrationAsync(body);

        integration.Str("service").Should().Be(body["service"]!.GetValue<string>());
        integration.Str("category").Should().Be("Monitoring");
        integration.Int("groupingWindowSeconds").Should().Be(0);
        integration["autoResolve"]!.GetValue<bool>().Should().BeFalse();
        integration.Str("onRefire").Should().Be("NewIncident");
        integration["rateLimit"]!.Int("requestsPerSecond").Should().Be(5);
        integration["rateLimit"]!.Int("burst").Should().Be(50);
        var mapping = integration["severityMapping"]!.AsObject();
        mapping.Select(m => (m.Key, m.Value!.Int("impact"), m.Value!.Int("urgency"))).Should().BeEquivalentTo(
            [("critical", 2, 1), ("error", 2, 1), ("warning", 2, 2), ("info", 3, 3), ("page", 1, 2)]);
        var got = await _client.GetIntegrationAsync(integration.Id());
        foreach (var answer in new[] { got.AsObject(), integration.AsObject() })
        {
            answer.Remove("createdAt"); // stored times may be less precise than the answer's
            answer.Remove("updatedAt");
        }

        got.ToJsonString().Should().Be(integration.ToJsonString(), "GET shows the settings POST answered");
    }

    [DatabaseFact]
    public async Task Each_kind_gets_its_own_intake_url_and_every_integration_a_different_key()
    {
        var alertmanager = await _client.CreateAlertmanagerIntegrationAsync();
        var pagerDuty = await _client.CreateIntegrationAsync(IntakeCalls.IntegrationBody("PagerDuty"));
        var webhook = await _client.CreateIntegrationAsync(IntakeCalls.IntegrationBody("Webhook",
            new JsonObject { ["mapping"] = new JsonObject { ["title"] = "payload.title" } }));

        new Uri(pagerDuty.Str("intakeUrl")).AbsolutePath.Should().Be("/v2/enqueue");
        new Uri(webhook.Str("intakeUrl")).AbsolutePath.Should().Be($"/api/intake/webhook/{webhook.Str("key")}");
        webhook["mapping"]!.Str("title").Should().Be("payload.title");
        new[] { alertmanager, pagerDuty, webhook }.Select(i => i.Str("key")).Should().OnlyHaveUniqueItems()
            .And.OnlyContain(k => k.Length == 32);
    }

    [DatabaseFact]
    public async Task List_and_get_show_created_integrations()
    {
        var a = await _client.CreateAlertmanagerIntegrationAsync();
        var b = await _client.CreateAlertmanagerIntegrationAsync();

        var list = await _client.ListIntegrationsAsync();

        list.Select(i => i!.Id()).Should().Contain([a.Id(), b.Id()]);
        list.Single(i => i!.Id() == a.Id())!.Str("key").Should().Be(a.Str("key"));
        var got = await _client.GetIntegrationAsync(b.Id());
        got.Str("name").Should().Be(b.Str("name"));
        got.Str("key").Should().Be(b.Str("key"));
    }

    [DatabaseFact]
    public async Task Unknown_integration_id_is_404()
    {
        var id = Guid.NewGuid();

        await (await _client.GetAsync($"/api/integrations/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await _client.PutIntegrationAsync(id.ToString(), IntakeCalls.IntegrationBody("Alertmanager"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await _client.DeleteAsync($"/api/integrations/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task Put_replaces_the_settings_keeps_the_key_and_bumps_the_version()
    {
        var integration = await _client.CreateAlertmanagerIntegrationAsync();
        var body = IntakeCalls.IntegrationBody("Alertmanager", new JsonObject
        {
            ["name"] = integration.Str("name") + "-renamed",
            ["groupingWindowSeconds"] = 600,
            ["autoResolve"] = false,
            ["version"] = 1,
        });

        var response = await _client.PutIntegrationAsync(integration.Id(), body);

        var updated = await response.ShouldBeAsync(HttpStatusCode.OK);
        response.Headers.ETag!.Tag.Should().Be("\"2\"");
        updated.Int("version").Should().Be(2);
        updated.Str("name").Should().Be(integration.Str("name") + "-renamed");
        updated.Str("service").Should().Be(body["service"]!.GetValue<string>());
        updated.Int("groupingWindowSeconds").Should().Be(600);
        updated["autoResolve"]!.GetValue<bool>().Should().BeFalse();
        updated.Str("key").Should().Be(integration.Str("key"));
        updated.Str("kind").Should().Be("Alertmanager");
        (await _client.GetIntegrationAsync(integration.Id())).Int("version").Should().Be(2);
    }

    [DatabaseFact]
    public async Task A_name_already_taken_is_409_naming_the_field_on_create_and_on_put()
    {
        var first = await _client.CreateAlertmanagerIntegrationAsync();
        var second = await _client.CreateAlertmanagerIntegrationAsync();
        var before = (await _client.ListIntegrationsAsync()).Count;

        var create = await _client.PostIntegrationAsync(IntakeCalls.IntegrationBody("PagerDuty", new JsonObject { ["name"] = first.Str("name") }));
        var rename = await _client.PutIntegrationAsync(second.Id(), IntakeCalls.IntegrationBody("Alertmanager", new JsonObject { ["name"] = first.Str("name") }));
        var keep = await _client.PutIntegrationAsync(first.Id(), IntakeCalls.IntegrationBody("Alertmanager", new JsonObject { ["name"] = first.Str("name") }));

        (await create.ShouldBeAsync(HttpStatusCode.Conflict)).Str("field").Should().Be("name");
        (await rename.ShouldBeAsync(HttpStatusCode.Conflict)).Str("field").Should().Be("name");
        await keep.ShouldBeAsync(HttpStatusCode.OK);
        (await _client.ListIntegrationsAsync()).Count.Should().Be(before);
        (await _client.GetIntegrationAsync(second.Id())).Str("name").Should().Be(second.Str("name"));
    }

    [DatabaseFact]
    public async Task Put_with_a_stale_version_is_409_and_changes_nothing()
    {
        var integration = await _client.CreateAlertmanagerIntegrationAsync();
        var first = IntakeCalls.IntegrationBody("Alertmanager", new JsonObject { ["name"] = integration.Str("name"), ["version"] = 1 });
        await (await _client.PutIntegrationAsync(integration.Id(), first)).ShouldBeAsync(HttpStatusCode.OK);
        var stale = IntakeCalls.IntegrationBody("Alertmanager", new JsonObject { ["name"] = "lost-update", ["version"] = 1 });

        var problem = await (await _client.PutIntegrationAsync(integration.Id(), stale)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        problem.Str("field").Should().Be("version");
        problem.Int("expectedVersion").Should().Be(1);
        problem.Int("currentVersion").Should().Be(2);
        var current = await _client.GetIntegrationAsync(integration.Id());
        current.Str("name").Should().Be(integration.Str("name"));
        current.Str("service").Should().Be(first["service"]!.GetValue<string>());
        current.Int("version").Should().Be(2);
    }

    [DatabaseFact]
    public async Task Put_cannot_change_the_kind()
    {
        var integration = await _client.CreateAlertmanagerIntegrationAsync();
        var body = IntakeCalls.IntegrationBody("PagerDuty", new JsonObject { ["name"] = integration.Str("name") });

        var problem = await (await _client.PutIntegrationAsync(integration.Id(), body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.Str("field").Should().Be("kind");
        var current = await _client.GetIntegrationAsync(integration.Id());
        current.Str("kind").Should().Be("Alertmanager");
        current.Int("version").Should().Be(1);
    }

    [DatabaseFact]
    public async Task Put_settings_apply_to_the_next_post()
    {
        var integration = await _client.CreateAlertmanagerIntegrationAsync();
        var key = integration.Str("key");
        var startsAt = IntakeCalls.Recently();
        var a = IntakeCalls.FiringAlert("HighErrorRate", "checkout-1", startsAt, IntakeCalls.NewFingerprint());
        var b = IntakeCalls.FiringAlert("HighErrorRate", "checkout-2", startsAt, IntakeCalls.NewFingerprint());
        var c = IntakeCalls.FiringAlert("HighErrorRate", "checkout-3", startsAt, IntakeCalls.NewFingerprint());
        var grouped = await _client.SendAlertmanagerAsync(key, IntakeCalls.Notification(a, b));
        grouped.IncidentIds().Should().ContainSingle();

        var body = IntakeCalls.IntegrationBody("Alertmanager", new JsonObject
        {
            ["name"] = integration.Str("name"),
            ["service"] = integration.Str("service"),
            ["groupingWindowSeconds"] = 0,
            ["severityMapping"] = new JsonObject { ["critical"] = new JsonObject { ["impact"] = 3, ["urgency"] = 3 } },
        });
        await (await _client.PutIntegrationAsync(integration.Id(), body)).ShouldBeAsync(HttpStatusCode.OK);
        var after = await _client.SendAlertmanagerAsync(key, IntakeCalls.Notification(a, b, c));

        after.ShouldCount(opened: 1, updated: 0, unchanged: 2);
        var id = after.IncidentIds().Single();
        id.Should().NotBe(grouped.IncidentIds()[0], "grouping is now off");
        (await _client.GetIncidentAsync(id)).Int("priority").Should().Be(5, "critical now maps to impact 3, urgency 3");
    }

    [DatabaseFact]
    public async Task Revoke_is_204_the_key_stops_working_and_the_alerts_stay()
    {
        var integration = await _client.CreateAlertmanagerIntegrationAsync();
        var key = integration.Str("key");
        var alert = IntakeCalls.FiringAlert("HighErrorRate", "checkout-1", IntakeCalls.Recently(), IntakeCalls.NewFingerprint());
        await _client.SendAlertmanagerAsync(key, IntakeCalls.Notification(alert));

        var response = await _client.DeleteAsync($"/api/integrations/{integration.Id()}");

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        var revoked = await _client.GetIntegrationAsync(integration.Id());
        revoked["isRevoked"]!.GetValue<bool>().Should().BeTrue();
        revoked.Int("version").Should().Be(2);
        await (await _client.PostAlertmanagerAsync(key, IntakeCalls.Notification(alert.StartingAt(IntakeCalls.Recently(1)))))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var alerts = await _client.AlertsOfIntegrationAsync(integration.Id());
        alerts.Should().ContainSingle().Which.Int("count").Should().Be(1);

        var update = IntakeCalls.IntegrationBody("Alertmanager", new JsonObject { ["name"] = integration.Str("name") });
        await (await _client.PutIntegrationAsync(integration.Id(), update)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await _client.DeleteAsync($"/api/integrations/{integration.Id()}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await _client.GetIntegrationAsync(integration.Id())).Int("version").Should().Be(2, "revoking twice changes nothing");
    }

    [DatabaseTheory]
    [InlineData("""{ "kind": "Alertmanager" }""", "name")]
    [InlineData("""{ "name": "   ", "kind": "Alertmanager" }""", "name")]
    [InlineData("""{ "name": "NAME", "kind": "Alertmanager" }""", "name", 81)]
    [InlineData("""{ "name": "NAME" }""", "kind")]
    [InlineData("""{ "name": "NAME", "kind": "Nagios" }""", "kind")]
    [InlineData("""{ "name": "NAME", "kind": "Alertmanager", "groupingWindowSeconds": -1 }""", "groupingWindowSeconds")]
    [InlineData("""{ "name": "NAME", "kind": "Alertmanager", "groupingWindowSeconds": 604801 }""", "groupingWindowSeconds")]
    [InlineData("""{ "name": "NAME", "kind": "Alertmanager", "severityMapping": { "critical": { "impact": 7, "urgency": 1 } } }""", "severityMapping.critical.impact")]
    [InlineData("""{ "name": "NAME", "kind": "Alertmanager", "severityMapping": { "critical": { "impact": 1, "urgency": 0 } } }""", "severityMapping.critical.urgency")]
    [InlineData("""{ "name": "NAME", "kind": "Alertmanager", "rateLimit": { "requestsPerSecond": 0, "burst": 10 } }""", "rateLimit.requestsPerSecond")]
    [InlineData("""{ "name": "NAME", "kind": "Alertmanager", "rateLimit": { "requestsPerSecond": 10, "burst": 0 } }""", "rateLimit.burst")]
    [InlineData("""{ "name": "NAME", "kind": "Alertmanager", "onRefire": "Sometimes" }""", "onRefire")]
    public async Task Invalid_integration_is_400_naming_the_field_and_creates_nothing(string template, string field, int nameLength = 0)
    {
        var name = nameLength > 0 ? new string('n', nameLength) : IntakeCalls.Unique("invalid");
        var body = template.Replace("NAME", name, StringComparison.Ordinal);
        var before = (await _client.ListIntegrationsAsync()).Count;

        var problem = await (await _client.PostRawAsync("/api/integrations", body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.Str("field").Should().Be(field);
        problem["errors"]![field].Should().NotBeNull();
        var after = await _client.ListIntegrationsAsync();
        after.Should().NotContain(i => i!.Str("name") == name);
        after.Count.Should().Be(before);
    }

    [DatabaseFact]
    public async Task Grouping_window_of_seven_days_is_the_maximum_accepted()
    {
        var integration = await _client.CreateAlertmanagerIntegrationAsync(new JsonObject { ["groupingWindowSeconds"] = 604800 });

        integration.Int("groupingWindowSeconds").Should().Be(604800);
    }
}

public sealed class IntegrationsApiOnSqlite(SqliteServerFixture fixture) : IntegrationsApiTests(fixture), IClassFixture<SqliteServerFixture>;

public sealed class IntegrationsApiOnPostgreSql(PostgreSqlServerFixture fixture) : IntegrationsApiTests(fixture), IClassFixture<PostgreSqlServerFixture>, IRunsOnPostgreSql;
