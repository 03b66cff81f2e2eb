using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Api;
using Orchestrator.Server.Tests.Hosting;

namespace Orchestrator.Server.Tests.Intake;

/// <summary>
/// What the Alertmanager intake route refuses, and that a refused post stores nothing: unknown and revoked keys (404,
/// indistinguishable), malformed JSON and wrong shapes (400 naming the field), bodies over 512 KB (413), keys of
/// another kind (400) and posts over the rate limit (429 with Retry-After). Run on SQLite and on PostgreSQL.
/// </summary>
public abstract class IntakeRejectionTests(ServerFixture fixture)
{
    private readonly HttpClient _client = fixture.Enabled ? fixture.Client : new HttpClient();

    private static JsonObject ValidNotification() => IntakeCalls.Notification(
        IntakeCalls.FiringAlert("HighErrorRate", "checkout-1:8080", IntakeCalls.Recently(), IntakeCalls.NewFingerprint(), summary: "Checkout errors"),
        IntakeCalls.FiringAlert("HighErrorRate", "checkout-2:8080", IntakeCalls.Recently(), IntakeCalls.NewFingerprint(), summary: "Checkout errors"));

    [DatabaseFact]
    public async Task Unknown_key_is_404_without_a_hint()
    {
        var unknown = Guid.NewGuid().ToString("N"); // 32 lowercase letters and digits: well-formed, never issued

        var problem = await (await _client.PostAlertmanagerAsync(unknown, ValidNotification())).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        problem.Int("status").Should().Be(404);
        problem.ToJsonString().Should().NotContainAny("revoked", "Revoked", unknown);
        foreach (var malformed in new[] { "short", new string('A', 32), new string('a', 33) })
        {
            await (await _client.PostAlertmanagerAsync(malformed, ValidNotification())).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }
    }

    [DatabaseFact]
    public async Task Revoked_key_is_404_with_the_same_body_as_an_unknown_key_and_stores_nothing()
    {
        var integration = await _client.CreateAlertmanagerIntegrationAsync();
        (await _client.DeleteAsync($"/api/integrations/{integration.Id()}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var unknown = new string('7', 32);

        var revokedResponse = await _client.PostAlertmanagerAsync(integration.Str("key"), ValidNotification());
        var unknownResponse = await _client.PostAlertmanagerAsync(unknown, ValidNotification());

        var revoked = await revokedResponse.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var unknownProblem = await unknownResponse.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        WithoutTraceId(revoked).Should().Be(WithoutTraceId(unknownProblem), "a revoked key must not be told apart from one that never existed");
        revokedResponse.Content.Headers.ContentType!.ToString().Should().Be(unknownResponse.Content.Headers.ContentType!.ToString());
        await _client.ShouldHaveStoredNothingAsync(integration);
    }

    [DatabaseFact]
    public async Task Malformed_json_is_400_naming_the_json_path_and_stores_nothing()
    {
        var integration = await _client.CreateAlertmanagerIntegrationAsync();

        var response = await _client.PostRawAsync($"/api/intake/alertmanager/{integration.Str("key")}", """{"alerts": [1,}""");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var field = problem.Str("field");
        field.Should().Contain("alerts", "the problem names where in the document the syntax error is; it was {0}", problem.ToJsonString());
        problem["errors"]![field].Should().NotBeNull();
        problem.Str("detail").Should().Contain("line 1");
        await _client.ShouldHaveStoredNothingAsync(integration);
    }

    [DatabaseTheory]
    [InlineData("alerts-missing", "alerts")]
    [InlineData("alerts-not-an-array", "alerts")]
    [InlineData("alert-not-an-object", "alerts[1]")]
    [InlineData("status-weird", "alerts[1].status")]
    [InlineData("status-missing", "alerts[1].status")]
    [InlineData("label-not-a-string", "alerts[1].labels.severity")]
    [InlineData("annotation-not-a-string", "alerts[0].annotations.summary")]
    [InlineData("starts-at-not-a-time", "alerts[1].startsAt")]
    [InlineData("common-labels-not-an-object", "commonLabels")]
    [InlineData("body-an-array", "$")]
    [InlineData("body-empty", "$")]
    public async Task Wrong_shape_is_400_naming_the_field_and_stores_nothing(string shape, string field)
    {
        var integration = await _client.CreateAlertmanagerIntegrationAsync();
        var payload = ValidNotification();
        var alerts = payload["alerts"]!.AsArray();
        switch (shape)
        {
            case "alerts-missing": payload.Remove("alerts"); break;
            case "alerts-not-an-array": payload["alerts"] = new JsonObject { ["status"] = "firing" }; break;
            case "alert-not-an-object": alerts[1] = "firing"; break;
            case "status-weird": alerts[1]!["status"] = "weird"; break;
            case "status-missing": alerts[1]!.AsObject().Remove("status"); break;
            case "label-not-a-string": alerts[1]!["labels"]!["severity"] = 3; break;
            case "annotation-not-a-string": alerts[0]!["annotations"]!["summary"] = new JsonArray("a", "b"); break;
            case "starts-at-not-a-time": alerts[1]!["startsAt"] = "yesterday afternoon"; break;
            case "common-labels-not-an-object": payload["commonLabels"] = "alertname=HighErrorRate"; break;
        }

        var json = shape switch
        {
            "body-an-array" => "[]",
            "body-empty" => "",
            _ => payload.ToJsonString(),
        };

        var response = await _client.PostRawAsync($"/api/intake/alertmanager/{integration.Str("key")}", json);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.Str("field").Should().Be(field);
        problem["errors"]![field].Should().NotBeNull();
        await _client.ShouldHaveStoredNothingAsync(integration);
    }

    [DatabaseFact]
    public async Task Body_over_512_KB_is_413_and_stores_nothing()
    {
        var integration = await _client.CreateAlertmanagerIntegrationAsync();
        var payload = ValidNotification();
        payload["alerts"]![0]!["annotations"]!["description"] = new string('x', 520 * 1024);

        var response = await _client.PostAlertmanagerAsync(integration.Str("key"), payload);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        problem.Str("detail").Should().Contain("512 KB");
        await _client.ShouldHaveStoredNothingAsync(integration);
    }

    [DatabaseFact]
    public async Task Chunked_body_over_512_KB_is_413_and_stores_nothing()
    {
        var integration = await _client.CreateAlertmanagerIntegrationAsync();
        var payload = ValidNotification();
        payload["alerts"]![0]!["annotations"]!["description"] = new string('x', 520 * 1024);
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(payload.ToJsonString())));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/intake/alertmanager/{integration.Str("key")}") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await _client.SendAsync(request);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await _client.ShouldHaveStoredNothingAsync(integration);
    }

    [DatabaseFact]
    public async Task Body_just_under_512_KB_is_accepted()
    {
        var integration = await _client.CreateAlertmanagerIntegrationAsync();
        var payload = ValidNotification();
        var size = Encoding.UTF8.GetByteCount(payload.ToJsonString());
        payload["alerts"]![0]!["annotations"]!["description"] = new string('x', 512 * 1024 - size - 100);
        Encoding.UTF8.GetByteCount(payload.ToJsonString()).Should().BeLessThanOrEqualTo(512 * 1024);

        var result = await _client.SendAlertmanagerAsync(integration.Str("key"), payload);

        result.ShouldCount(opened: 2, updated: 0, unchanged: 0);
        (await _client.AlertTotalAsync(integration.Id())).Should().Be(2);
    }

    [DatabaseFact]
    public async Task Key_of_a_pagerduty_integration_is_400_on_the_alertmanager_route_and_stores_nothing()
    {
        var integration = await _client.CreateIntegrationAsync(IntakeCalls.IntegrationBody("PagerDuty"));

        var problem = await (await _client.PostAlertmanagerAsync(integration.Str("key"), ValidNotification()))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.Str("field").Should().Be("key");
        problem.Str("detail").Should().Contain("PagerDuty");
        await _client.ShouldHaveStoredNothingAsync(integration);
    }

    [DatabaseFact]
    public async Task Alertmanager_key_on_the_webhook_route_is_400_and_stores_nothing()
    {
        var integration = await _client.CreateAlertmanagerIntegrationAsync();

        var problem = await (await _client.PostWebhookAsync(integration.Str("key"), ValidNotification()))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.Str("field").Should().Be("key");
        await _client.ShouldHaveStoredNothingAsync(integration);
    }

    [DatabaseFact]
    public async Task Posts_over_the_rate_limit_are_429_with_retry_after_and_store_nothing()
    {
        var integration = await _client.CreateAlertmanagerIntegrationAsync(new JsonObject
        {
            ["groupingWindowSeconds"] = 0,
            ["rateLimit"] = new JsonObject { ["requestsPerSecond"] = 1, ["burst"] = 2 },
        });
        var key = integration.Str("key");
        var startsAt = IntakeCalls.Recently();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;

        // Each post carries a different alert, so every accepted post stores exactly one alert. The bucket holds 2 and
        // gains 1 a second: a third or fourth post within that second is refused.
        for (var i = 0; i < 10 && limited is null; i++)
        {
            var response = await _client.PostAlertmanagerAsync(key, IntakeCalls.Notification(
                IntakeCalls.FiringAlert("Probe", $"host-{i}", startsAt, IntakeCalls.NewFingerprint())));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
        }

        statuses.Take(2).Should().AllBeEquivalentTo(HttpStatusCode.OK, "the burst allows two posts at once");
        limited.Should().NotBeNull("posting faster than 1 a second beyond the burst of 2 is refused; got {0}", string.Join(", ", statuses));
        limited!.Headers.RetryAfter.Should().NotBeNull("a 429 says when to retry; the headers were: {0}", limited.Headers.ToString());
        limited.Headers.RetryAfter!.Delta.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1));
        var problem = await limited.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        problem.Int("retryAfterSeconds").Should().BeGreaterThanOrEqualTo(1);
        var accepted = statuses.Count(s => s == HttpStatusCode.OK);
        (await _client.AlertTotalAsync(integration.Id())).Should().Be(accepted, "the refused post stored nothing");
        (await _client.IncidentsOfServiceAsync(integration.Str("service"))).Should().HaveCount(accepted);
    }

    [DatabaseFact]
    public async Task Rate_limits_are_per_integration()
    {
        var limited = await _client.CreateAlertmanagerIntegrationAsync(new JsonObject
        {
            ["rateLimit"] = new JsonObject { ["requestsPerSecond"] = 1, ["burst"] = 1 },
        });
        var other = await _client.CreateAlertmanagerIntegrationAsync(new JsonObject
        {
            ["rateLimit"] = new JsonObject { ["requestsPerSecond"] = 1, ["burst"] = 1 },
        });
        var empty = IntakeCalls.Notification();

        var first = await _client.PostAlertmanagerAsync(limited.Str("key"), empty);
        var next = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            next.Add((await _client.PostAlertmanagerAsync(limited.Str("key"), empty)).StatusCode);
        }

        var elsewhere = await _client.PostAlertmanagerAsync(other.Str("key"), empty);

        (await first.ShouldBeAsync(HttpStatusCode.OK)).ShouldCount(opened: 0, updated: 0, unchanged: 0);
        next.Should().Contain(HttpStatusCode.TooManyRequests, "the bucket of one holds one post a second");
        elsewhere.StatusCode.Should().Be(HttpStatusCode.OK, "another integration has its own bucket");
    }

    private static string WithoutTraceId(JsonNode problem)
    {
        var copy = problem.DeepClone().AsObject();
        copy.Remove("traceId");
        return copy.ToJsonString();
    }
}

public sealed class IntakeRejectionOnSqlite(SqliteServerFixture fixture) : IntakeRejectionTests(fixture), IClassFixture<SqliteServerFixture>;

public sealed class IntakeRejectionOnPostgreSql(PostgreSqlServerFixture fixture) : IntakeRejectionTests(fixture), IClassFixture<PostgreSqlServerFixture>, IRunsOnPostgreSql;
