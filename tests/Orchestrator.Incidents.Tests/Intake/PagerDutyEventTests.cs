using System.Text.Json.Nodes;
using Orchestrator.Incidents.Intake;
using Orchestrator.Incidents.Intake.Sources;

namespace Orchestrator.Incidents.Tests.Intake;

public class PagerDutyEventTests
{
    private const string RoutingKey = "r0ut1ngkey0000000000000000000032";

    [Fact]
    public void A_full_trigger_becomes_a_trigger_signal()
    {
        var (parsed, errors) = PagerDutyEvent.Parse(Trigger(dedupKey: "srv01/mysql"));

        errors.Should().BeEmpty();
        parsed!.RoutingKey.Should().Be(RoutingKey);
        parsed.DedupKeyGenerated.Should().BeFalse();
        var signal = parsed.Signal;
        signal.Action.Should().Be(AlertAction.Trigger);
        signal.Fingerprint.Should().Be("srv01/mysql");
        signal.Summary.Should().Be("Example alert on host1.example.com");
        signal.Severity.Should().Be("critical");
        signal.Source.Should().Be("monitoringtool:cloudvendor:central-region-dc-01:852559987:cluster/api-stats-prod-003");
        signal.GroupKey.Should().Be("prod-datapipe");
        signal.Description.Should().Contain("\"ping time\": \"1500ms\"").And.Contain("\"load avg\": 0.75");
        signal.Service.Should().BeNull();
        signal.StartsAt.Should().BeNull();
    }

    [Fact]
    public void The_details_keep_payload_links_images_and_client_but_not_the_routing_key()
    {
        var (parsed, _) = PagerDutyEvent.Parse(Trigger(dedupKey: "k"));

        var details = parsed!.Signal.Details!;
        details.Select(p => p.Key).Should().BeEquivalentTo("payload", "links", "images", "client", "client_url", "timestamp");
        details["payload"]!["component"]!.GetValue<string>().Should().Be("mysql");
        details["links"]![0]!["href"]!.GetValue<string>().Should().Be("http://acme.pagerduty.com");
        details["images"]![0]!["src"]!.GetValue<string>().Should().Be("https://www.pagerduty.com/wp-content/uploads/2016/05/pagerduty-logo-green.png");
        details["client"]!.GetValue<string>().Should().Be("Sample Monitoring Service");
        details["client_url"]!.GetValue<string>().Should().Be("https://monitoring.service.com");
        details["timestamp"]!.GetValue<string>().Should().Be("2015-07-17T08:42:58.3150000+00:00", "the timestamp is kept in UTC");
        details.ToJsonString().Should().NotContain(RoutingKey);
    }

    [Fact]
    public void The_details_are_copies()
    {
        var body = Trigger(dedupKey: "k");

        var (parsed, _) = PagerDutyEvent.Parse(body);
        parsed!.Signal.Details!["payload"]!["summary"] = "changed";

        body["payload"]!["summary"]!.GetValue<string>().Should().Be("Example alert on host1.example.com");
    }

    [Fact]
    public void Without_a_dedup_key_a_fresh_one_is_generated_for_each_trigger()
    {
        var (first, _) = PagerDutyEvent.Parse(Trigger(dedupKey: null));
        var (second, _) = PagerDutyEvent.Parse(Trigger(dedupKey: null));

        first!.DedupKeyGenerated.Should().BeTrue();
        first.Signal.Fingerprint.Should().MatchRegex("^[0-9a-f]{32}$");
        second!.Signal.Fingerprint.Should().NotBe(first.Signal.Fingerprint);
    }

    [Fact]
    public void An_empty_dedup_key_counts_as_missing()
    {
        var body = Trigger(dedupKey: "");

        var (parsed, errors) = PagerDutyEvent.Parse(body);

        errors.Should().BeEmpty();
        parsed!.DedupKeyGenerated.Should().BeTrue();
    }

    [Theory]
    [InlineData("acknowledge", AlertAction.Acknowledge)]
    [InlineData("resolve", AlertAction.Resolve)]
    public void Acknowledge_and_resolve_need_only_the_routing_and_dedup_keys(string action, AlertAction expected)
    {
        var (parsed, errors) = PagerDutyEvent.Parse(new JsonObject { ["routing_key"] = RoutingKey, ["event_action"] = action, ["dedup_key"] = "srv01/mysql" });

        errors.Should().BeEmpty();
        parsed!.Signal.Action.Should().Be(expected);
        parsed.Signal.Fingerprint.Should().Be("srv01/mysql");
        parsed.DedupKeyGenerated.Should().BeFalse();
        parsed.Signal.Summary.Should().BeEmpty();
        parsed.Signal.Severity.Should().Be("warning");
        parsed.Signal.Details.Should().NotBeNull().And.BeEmpty();
    }

    [Fact]
    public void The_payload_of_an_acknowledge_is_not_checked()
    {
        var body = new JsonObject
        {
            ["routing_key"] = RoutingKey,
            ["event_action"] = "acknowledge",
            ["dedup_key"] = "k",
            ["payload"] = new JsonObject { ["severity"] = "whatever" },
        };

        PagerDutyEvent.Parse(body).Errors.Should().BeEmpty();
    }

    [Fact]
    public void Summary_source_and_severity_are_trimmed()
    {
        var body = Trigger(dedupKey: "k");
        body["payload"]!["summary"] = "  Disk full  ";

        PagerDutyEvent.Parse(body).Event!.Signal.Summary.Should().Be("Disk full");
    }

    // ---- errors ----

    [Theory]
    [InlineData("routing_key", "short", "Length of 'routing_key' is incorrect (should be 32 characters)")]
    [InlineData("routing_key", "r0ut1ngkey00000000000000000000033x", "Length of 'routing_key' is incorrect (should be 32 characters)")]
    [InlineData("routing_key", null, "'routing_key' is missing or blank")]
    [InlineData("routing_key", "", "'routing_key' is missing or blank")]
    [InlineData("event_action", null, "'event_action' is missing or blank")]
    [InlineData("event_action", "escalate", "'event_action' is invalid (must be one of: trigger, acknowledge, resolve); got 'escalate'")]
    [InlineData("event_action", "Trigger", "'event_action' is invalid (must be one of: trigger, acknowledge, resolve); got 'Trigger'")]
    [InlineData("payload.summary", null, "'payload.summary' is missing or blank")]
    [InlineData("payload.summary", " ", "'payload.summary' is missing or blank")]
    [InlineData("payload.source", null, "'payload.source' is missing or blank")]
    [InlineData("payload.severity", null, "'payload.severity' is missing or blank")]
    [InlineData("payload.severity", "fatal", "'payload.severity' is invalid (must be one of: critical, error, warning, info); got 'fatal'")]
    [InlineData("payload.severity", "CRITICAL", "'payload.severity' is invalid (must be one of: critical, error, warning, info); got 'CRITICAL'")]
    [InlineData("payload.timestamp", "last tuesday", "'payload.timestamp' is not an ISO 8601 date and time; got 'last tuesday'")]
    [InlineData("payload", null, "'payload' is missing: a trigger needs payload.summary, payload.source and payload.severity")]
    public void Each_invalid_field_is_named_in_the_errors(string field, string? value, string error)
    {
        var body = Trigger(dedupKey: "k");
        Set(body, field, value);

        var (parsed, errors) = PagerDutyEvent.Parse(body);

        parsed.Should().BeNull();
        errors.Should().Equal(error);
    }

    [Theory]
    [InlineData("acknowledge")]
    [InlineData("resolve")]
    public void Acknowledge_or_resolve_without_a_dedup_key_is_invalid(string action)
    {
        var (parsed, errors) = PagerDutyEvent.Parse(new JsonObject { ["routing_key"] = RoutingKey, ["event_action"] = action });

        parsed.Should().BeNull();
        errors.Should().Equal($"'dedup_key' is required to {action} an alert");
    }

    [Fact]
    public void A_dedup_key_over_255_characters_is_invalid()
    {
        var (parsed, errors) = PagerDutyEvent.Parse(Trigger(dedupKey: new string('d', 256)));

        parsed.Should().BeNull();
        errors.Should().Equal("'dedup_key' is longer than 255 characters");
        PagerDutyEvent.Parse(Trigger(dedupKey: new string('d', 255))).Errors.Should().BeEmpty();
    }

    [Fact]
    public void A_summary_over_1024_characters_is_invalid()
    {
        var body = Trigger(dedupKey: "k");
        body["payload"]!["summary"] = new string('s', PagerDutyEvent.SummaryMaxLength + 1);

        PagerDutyEvent.Parse(body).Errors.Should().Equal("'payload.summary' is longer than 1024 characters");
        body["payload"]!["summary"] = new string('s', PagerDutyEvent.SummaryMaxLength);
        PagerDutyEvent.Parse(body).Errors.Should().BeEmpty();
    }

    [Theory]
    [InlineData("routing_key", "'routing_key' must be a string")]
    [InlineData("dedup_key", "'dedup_key' must be a string")]
    [InlineData("event_action", "'event_action' must be a string")]
    [InlineData("payload.summary", "'payload.summary' must be a string")]
    [InlineData("payload.component", "'payload.component' must be a string")]
    [InlineData("payload.group", "'payload.group' must be a string")]
    [InlineData("payload.class", "'payload.class' must be a string")]
    [InlineData("payload.timestamp", "'payload.timestamp' must be a string")]
    [InlineData("payload", "'payload' must be an object")]
    [InlineData("links", "'links' must be an array")]
    [InlineData("images", "'images' must be an array")]
    public void A_field_of_the_wrong_type_is_named(string field, string error)
    {
        var body = Trigger(dedupKey: "k");
        SetNode(body, field, JsonValue.Create(42));

        var (parsed, errors) = PagerDutyEvent.Parse(body);

        parsed.Should().BeNull();
        errors.Should().Contain(error);
    }

    [Theory]
    [InlineData("routing_key", "'routing_key' must be a string")]
    [InlineData("event_action", "'event_action' must be a string")]
    [InlineData("payload.summary", "'payload.summary' must be a string")]
    [InlineData("payload.source", "'payload.source' must be a string")]
    public void A_required_field_of_the_wrong_type_gets_one_error_not_also_missing(string field, string error)
    {
        var body = Trigger(dedupKey: "k");
        SetNode(body, field, JsonValue.Create(42));

        PagerDutyEvent.Parse(body).Errors.Should().Equal(error);
    }

    [Fact]
    public void Every_mistake_is_listed_at_once()
    {
        var body = Trigger(dedupKey: "k");
        body["routing_key"] = "abc";
        ((JsonObject)body["payload"]!).Remove("summary");
        ((JsonObject)body["payload"]!).Remove("source");
        body["payload"]!["severity"] = "bad";
        body["links"] = "x";

        var (parsed, errors) = PagerDutyEvent.Parse(body);

        parsed.Should().BeNull();
        errors.Should().Equal(
            "Length of 'routing_key' is incorrect (should be 32 characters)",
            "'payload.summary' is missing or blank",
            "'payload.source' is missing or blank",
            "'payload.severity' is invalid (must be one of: critical, error, warning, info); got 'bad'",
            "'links' must be an array");
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("null")]
    public void A_body_that_is_not_an_object_is_invalid(string json)
    {
        var (parsed, errors) = PagerDutyEvent.Parse(JsonNode.Parse(json));

        parsed.Should().BeNull();
        errors.Should().Equal("Event object is invalid: the body must be a JSON object.");
    }

    // ---- change events ----

    [Fact]
    public void A_change_event_gives_its_summary_source_and_details()
    {
        var body = JsonNode.Parse($$"""
            {
              "routing_key": "{{RoutingKey}}",
              "payload": {
                "summary": "Build Success: Increase snapshot create timeout to 30 seconds",
                "timestamp": "2020-07-17T08:42:58.315+0000",
                "source": "acme-build-pipeline-tool-default-i-9999",
                "custom_details": { "build_state": "passed", "build_number": "2" }
              },
              "links": [ { "href": "https://acme.pagerduty.dev/build/2", "text": "View more details in Acme!" } ]
            }
            """);

        var change = PagerDutyEvent.ParseChange(body);

        change.Errors.Should().BeEmpty();
        change.RoutingKey.Should().Be(RoutingKey);
        change.Summary.Should().Be("Build Success: Increase snapshot create timeout to 30 seconds");
        change.Source.Should().Be("acme-build-pipeline-tool-default-i-9999");
        change.Details!.Select(p => p.Key).Should().BeEquivalentTo("payload", "links");
        change.Details!["links"]![0]!["href"]!.GetValue<string>().Should().Be("https://acme.pagerduty.dev/build/2");
        change.Details.ToJsonString().Should().NotContain(RoutingKey);
    }

    [Fact]
    public void A_change_event_needs_only_the_routing_key_and_a_summary()
    {
        var change = PagerDutyEvent.ParseChange(new JsonObject { ["routing_key"] = RoutingKey, ["payload"] = new JsonObject { ["summary"] = "Deployed" } });

        change.Errors.Should().BeEmpty();
        change.Summary.Should().Be("Deployed");
        change.Source.Should().BeNull();
    }

    [Theory]
    [InlineData("""{ "routing_key": "RK", "payload": { "summary": "Deployed" } }""", "Length of 'routing_key' is incorrect (should be 32 characters)")]
    [InlineData("""{ "payload": { "summary": "Deployed" } }""", "'routing_key' is missing or blank")]
    [InlineData("""{ "routing_key": "KEY" }""", "'payload' is missing: a change event needs payload.summary")]
    [InlineData("""{ "routing_key": "KEY", "payload": [] }""", "'payload' is missing: a change event needs payload.summary")]
    [InlineData("""{ "routing_key": "KEY", "payload": { "source": "ci" } }""", "'payload.summary' is missing or blank")]
    [InlineData("""{ "routing_key": "KEY", "payload": { "summary": "x", "source": 1 } }""", "'payload.source' must be a string")]
    [InlineData("""{ "routing_key": "KEY", "payload": { "summary": "x", "timestamp": "soon" } }""", "'payload.timestamp' is not an ISO 8601 date and time; got 'soon'")]
    [InlineData("""{ "routing_key": "KEY", "payload": { "summary": "x" }, "links": {} }""", "'links' must be an array")]
    [InlineData("""[]""", "Event object is invalid: the body must be a JSON object.")]
    public void An_invalid_change_event_names_its_mistake(string json, string error)
    {
        var change = PagerDutyEvent.ParseChange(JsonNode.Parse(json.Replace("KEY", RoutingKey, StringComparison.Ordinal)));

        change.Errors.Should().Equal(error);
        change.RoutingKey.Should().BeNull();
        change.Summary.Should().BeNull();
        change.Details.Should().BeNull();
    }

    [Fact]
    public void A_change_summary_over_1024_characters_is_invalid()
    {
        var change = PagerDutyEvent.ParseChange(new JsonObject
        {
            ["routing_key"] = RoutingKey,
            ["payload"] = new JsonObject { ["summary"] = new string('c', 1025) },
        });

        change.Errors.Should().Equal("'payload.summary' is longer than 1024 characters");
    }

    // ---- helpers ----

    /// <summary>The example trigger from PagerDuty's Events API v2 documentation.</summary>
    private static JsonObject Trigger(string? dedupKey)
    {
        var body = JsonNode.Parse($$"""
            {
              "payload": {
                "summary": "Example alert on host1.example.com",
                "timestamp": "2015-07-17T08:42:58.315+0000",
                "severity": "critical",
                "source": "monitoringtool:cloudvendor:central-region-dc-01:852559987:cluster/api-stats-prod-003",
                "component": "mysql",
                "group": "prod-datapipe",
                "class": "disk",
                "custom_details": { "ping time": "1500ms", "load avg": 0.75 }
              },
              "routing_key": "{{RoutingKey}}",
              "event_action": "trigger",
              "client": "Sample Monitoring Service",
              "client_url": "https://monitoring.service.com",
              "links": [ { "href": "http://acme.pagerduty.com", "text": "An example link." } ],
              "images": [ { "src": "https://www.pagerduty.com/wp-content/uploads/2016/05/pagerduty-logo-green.png", "href": "https://example.com/", "alt": "Example text" } ]
            }
            """)!.AsObject();
        if (dedupKey is not null)
        {
            body["dedup_key"] = dedupKey;
        }

        return body;
    }

    /// <summary>Sets a field ("payload.summary" reaches into payload); null removes it.</summary>
    private static void Set(JsonObject body, string path, string? value) =>
        SetNode(body, path, value is null ? null : JsonValue.Create(value));

    private static void SetNode(JsonObject body, string path, JsonNode? value)
    {
        var (owner, name) = path.StartsWith("payload.", StringComparison.Ordinal) ? ((JsonObject)body["payload"]!, path["payload.".Length..]) : (body, path);
        if (value is null)
        {
            owner.Remove(name);
        }
        else
        {
            owner[name] = value;
        }
    }
}
