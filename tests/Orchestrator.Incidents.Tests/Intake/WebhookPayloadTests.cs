using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Orchestrator.Incidents.Errors;
using Orchestrator.Incidents.Intake;
using Orchestrator.Incidents.Intake.Sources;
using Orchestrator.Templating;

namespace Orchestrator.Incidents.Tests.Intake;

public class WebhookPayloadTests
{
    private static readonly ScriptSandbox Sandbox = new();

    private static readonly JsonNode Body = JsonNode.Parse("""
        {
          "check": { "name": "Checkout HTTP", "id": 4711, "up": false },
          "state": "Alerting",
          "level": "CRITICAL",
          "host": "web-1",
          "team": "shop",
          "text": "   ",
          "details": "Timeout after 10 s"
        }
        """)!;

    [Fact]
    public void Every_mapping_field_is_evaluated_over_the_payload()
    {
        var mapping = new WebhookMapping(
            Title: "payload.check.name + ' is down on ' + payload.host",
            Description: "payload.details",
            Severity: "payload.level",
            Service: "payload.team",
            Fingerprint: "payload.check.id",
            Status: "payload.state",
            GroupKey: "payload.host");

        var signal = WebhookPayload.Map(Body, mapping, Sandbox, CancellationToken.None);

        signal.Action.Should().Be(AlertAction.Trigger);
        signal.Summary.Should().Be("Checkout HTTP is down on web-1");
        signal.Description.Should().Be("Timeout after 10 s");
        signal.Severity.Should().Be("critical");
        signal.Service.Should().Be("shop");
        signal.Fingerprint.Should().Be("4711");
        signal.GroupKey.Should().Be("web-1");
        signal.Details!["payload"]!.ToJsonString().Should().Be(Body.ToJsonString());
        signal.Details["payload"].Should().NotBeSameAs(Body);
    }

    [Fact]
    public void Only_the_title_is_needed_the_fingerprint_defaults_to_it_and_the_severity_to_warning()
    {
        var signal = WebhookPayload.Map(Body, new WebhookMapping("payload.check.name"), Sandbox, CancellationToken.None);

        signal.Action.Should().Be(AlertAction.Trigger);
        signal.Summary.Should().Be("Checkout HTTP");
        signal.Fingerprint.Should().Be("Checkout HTTP");
        signal.Severity.Should().Be("warning");
        signal.Description.Should().BeNull();
        signal.Service.Should().BeNull();
        signal.GroupKey.Should().BeNull();
    }

    [Fact]
    public void Blank_results_count_as_missing_and_text_is_trimmed()
    {
        var mapping = new WebhookMapping("'  Padded title  '", Description: "payload.text", Severity: "payload.text", Fingerprint: "payload.text");

        var signal = WebhookPayload.Map(Body, mapping, Sandbox, CancellationToken.None);

        signal.Summary.Should().Be("Padded title");
        signal.Description.Should().BeNull();
        signal.Severity.Should().Be("warning");
        signal.Fingerprint.Should().Be("Padded title");
    }

    [Theory]
    [InlineData("firing", AlertAction.Trigger)]
    [InlineData("trigger", AlertAction.Trigger)]
    [InlineData("triggered", AlertAction.Trigger)]
    [InlineData("Alerting", AlertAction.Trigger)]
    [InlineData("problem", AlertAction.Trigger)]
    [InlineData("OPEN", AlertAction.Trigger)]
    [InlineData("acknowledged", AlertAction.Acknowledge)]
    [InlineData("acknowledge", AlertAction.Acknowledge)]
    [InlineData("Ack", AlertAction.Acknowledge)]
    [InlineData("resolved", AlertAction.Resolve)]
    [InlineData("resolve", AlertAction.Resolve)]
    [InlineData("OK", AlertAction.Resolve)]
    [InlineData("recovered", AlertAction.Resolve)]
    [InlineData("closed", AlertAction.Resolve)]
    [InlineData(" ", AlertAction.Trigger)]
    public void Status_synonyms_map_to_the_action(string status, AlertAction action)
    {
        var body = new JsonObject { ["title"] = "Disk full", ["status"] = status };

        WebhookPayload.Map(body, new WebhookMapping("payload.title", Status: "payload.status"), Sandbox, CancellationToken.None)
            .Action.Should().Be(action);
    }

    [Fact]
    public void A_status_expression_giving_null_means_firing()
    {
        var body = new JsonObject { ["title"] = "Disk full", ["status"] = null };

        WebhookPayload.Map(body, new WebhookMapping("payload.title", Status: "payload.status"), Sandbox, CancellationToken.None)
            .Action.Should().Be(AlertAction.Trigger);
    }

    [Fact]
    public void A_conditional_status_expression_works()
    {
        var mapping = new WebhookMapping("payload.check.name", Status: "payload.check.up ? 'ok' : 'problem'");

        WebhookPayload.Map(Body, mapping, Sandbox, CancellationToken.None).Action.Should().Be(AlertAction.Trigger);
        var up = Body.DeepClone();
        up["check"]!["up"] = true;
        WebhookPayload.Map(up, mapping, Sandbox, CancellationToken.None).Action.Should().Be(AlertAction.Resolve);
    }

    [Fact]
    public void An_unknown_status_is_rejected_naming_mapping_status()
    {
        var body = new JsonObject { ["title"] = "Disk full", ["status"] = "pending" };

        var act = () => WebhookPayload.Map(body, new WebhookMapping("payload.title", Status: "payload.status"), Sandbox, CancellationToken.None);

        act.Should().Throw<InvalidFieldException>().Where(e => e.Field == "mapping.status" && e.Message.Contains("\"pending\"", StringComparison.Ordinal));
    }

    [Fact]
    public void A_fingerprint_longer_than_255_characters_is_replaced_by_its_sha256()
    {
        var longTitle = new string('t', Alert.FingerprintMaxLength + 1);
        var body = new JsonObject { ["title"] = longTitle };
        var expected = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(longTitle)));

        var signal = WebhookPayload.Map(body, new WebhookMapping("payload.title"), Sandbox, CancellationToken.None);

        signal.Fingerprint.Should().Be(expected);
        signal.Fingerprint.Length.Should().BeLessThanOrEqualTo(Alert.FingerprintMaxLength);
        signal.Summary.Should().Be(longTitle);
        WebhookPayload.Map(body.DeepClone(), new WebhookMapping("payload.title"), Sandbox, CancellationToken.None).Fingerprint.Should().Be(expected);
    }

    [Fact]
    public void A_fingerprint_of_exactly_255_characters_is_kept()
    {
        var fingerprint = new string('f', Alert.FingerprintMaxLength);
        var body = new JsonObject { ["title"] = "t", ["id"] = fingerprint };

        WebhookPayload.Map(body, new WebhookMapping("payload.title", Fingerprint: "payload.id"), Sandbox, CancellationToken.None)
            .Fingerprint.Should().Be(fingerprint);
    }

    [Fact]
    public void A_long_service_is_passed_on_whole_and_cut_where_the_alert_is_stored()
    {
        var body = new JsonObject { ["title"] = "t", ["service"] = new string('s', 150) };

        var service = WebhookPayload.Map(body, new WebhookMapping("payload.title", Service: "payload.service"), Sandbox, CancellationToken.None).Service;

        // Every source's over-long fields are cut in one place, Alert (see the server's Overlong_labels test).
        service.Should().HaveLength(150);
    }

    [Fact]
    public void Numbers_and_booleans_become_invariant_text()
    {
        var body = new JsonObject { ["title"] = 3.5, ["flag"] = true };

        var signal = WebhookPayload.Map(body, new WebhookMapping("payload.title", Description: "payload.flag"), Sandbox, CancellationToken.None);

        signal.Summary.Should().Be("3.5");
        signal.Description.Should().Be("true");
    }

    [Theory]
    [InlineData("title", "payload.missing")]
    [InlineData("title", "payload.check.name / 0 + nosuchfunction()")]
    [InlineData("description", "payload.nothing.deeper")]
    [InlineData("severity", "payload.level.nope")]
    [InlineData("service", "payload.unknown")]
    [InlineData("fingerprint", "payload.unknown")]
    [InlineData("status", "payload.unknown")]
    [InlineData("groupKey", "payload.unknown")]
    public void An_expression_that_fails_on_the_payload_is_rejected_naming_its_mapping_field(string field, string expression)
    {
        var mapping = field switch
        {
            "title" => new WebhookMapping(expression),
            "description" => new WebhookMapping("payload.host", Description: expression),
            "severity" => new WebhookMapping("payload.host", Severity: expression),
            "service" => new WebhookMapping("payload.host", Service: expression),
            "fingerprint" => new WebhookMapping("payload.host", Fingerprint: expression),
            "status" => new WebhookMapping("payload.host", Status: expression),
            _ => new WebhookMapping("payload.host", GroupKey: expression),
        };

        var act = () => WebhookPayload.Map(Body, mapping, Sandbox, CancellationToken.None);

        act.Should().Throw<InvalidFieldException>().Which.Field.Should().Be($"mapping.{field}");
    }

    [Theory]
    [InlineData("payload.text")]
    [InlineData("null")]
    [InlineData("''")]
    public void A_title_that_gives_nothing_is_rejected_naming_mapping_title(string title)
    {
        var act = () => WebhookPayload.Map(Body, new WebhookMapping(title), Sandbox, CancellationToken.None);

        act.Should().Throw<InvalidFieldException>().Which.Field.Should().Be("mapping.title");
    }

    [Fact]
    public void A_payload_that_is_not_an_object_can_still_be_mapped()
    {
        var signal = WebhookPayload.Map(JsonNode.Parse("[\"first\", \"second\"]"), new WebhookMapping("payload[1]"), Sandbox, CancellationToken.None);

        signal.Summary.Should().Be("second");
    }
}
