using System.Text.Json.Nodes;
using Orchestrator.Incidents.Errors;
using Orchestrator.Incidents.Intake;
using Orchestrator.Incidents.Intake.Sources;

namespace Orchestrator.Incidents.Tests.Intake;

public class AlertmanagerPayloadTests
{
    private const string Notification = """
        {
          "version": "4",
          "groupKey": "{}:{alertname=\"HighLatency\"}",
          "truncatedAlerts": 0,
          "status": "firing",
          "receiver": "orchestrator",
          "groupLabels": { "alertname": "HighLatency" },
          "commonLabels": { "alertname": "HighLatency", "job": "api" },
          "commonAnnotations": {},
          "externalURL": "http://alertmanager:9093",
          "alerts": [
            {
              "status": "firing",
              "labels": { "alertname": "HighLatency", "instance": "api-1:9100", "job": "api", "severity": "critical", "service": "checkout" },
              "annotations": { "summary": "p99 latency above 2 s", "description": "For 5 minutes" },
              "startsAt": "2026-11-27T10:00:00+01:00",
              "endsAt": "0001-01-01T00:00:00Z",
              "generatorURL": "http://prometheus:9090/graph",
              "fingerprint": "a1b2c3d4e5f60718"
            },
            {
              "status": "resolved",
              "labels": { "alertname": "HighLatency", "instance": "api-2:9100", "job": "api" },
              "annotations": { "summary": "p99 latency back to normal" },
              "startsAt": "2026-11-27T08:00:00Z",
              "endsAt": "2026-11-27T09:30:00Z",
              "fingerprint": "0f1e2d3c4b5a6978"
            }
          ]
        }
        """;

    [Fact]
    public void Firing_and_resolved_alerts_become_signals_in_order()
    {
        var signals = AlertmanagerPayload.Parse(JsonNode.Parse(Notification));

        signals.Should().HaveCount(2);
        var firing = signals[0];
        firing.Action.Should().Be(AlertAction.Trigger);
        firing.Fingerprint.Should().Be("a1b2c3d4e5f60718");
        firing.Summary.Should().Be("p99 latency above 2 s");
        firing.Description.Should().Be("For 5 minutes");
        firing.Severity.Should().Be("critical");
        firing.Source.Should().Be("api-1:9100");
        firing.Service.Should().Be("checkout");
        firing.GroupKey.Should().Be("{}:{alertname=\"HighLatency\"}");
        firing.StartsAt.Should().Be(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        firing.StartsAt!.Value.Offset.Should().Be(TimeSpan.Zero);
        firing.EndsAt.Should().BeNull("Alertmanager sends 0001-01-01T00:00:00Z for a firing alert");
        firing.Details!["labels"]!["instance"]!.GetValue<string>().Should().Be("api-1:9100");
        firing.Details["generatorURL"]!.GetValue<string>().Should().Be("http://prometheus:9090/graph");
        firing.Details["receiver"]!.GetValue<string>().Should().Be("orchestrator");
        firing.Details["externalURL"]!.GetValue<string>().Should().Be("http://alertmanager:9093");

        var resolved = signals[1];
        resolved.Action.Should().Be(AlertAction.Resolve);
        resolved.Fingerprint.Should().Be("0f1e2d3c4b5a6978");
        resolved.EndsAt.Should().Be(new DateTimeOffset(2026, 11, 27, 9, 30, 0, TimeSpan.Zero));
        resolved.Severity.Should().Be("warning");
        resolved.Service.Should().BeNull();
        resolved.GroupKey.Should().Be(firing.GroupKey);
    }

    [Fact]
    public void The_details_are_a_copy_the_posted_json_is_not_changed()
    {
        var body = JsonNode.Parse(Notification)!;
        var before = body.ToJsonString();

        var signals = AlertmanagerPayload.Parse(body);

        body.ToJsonString().Should().Be(before);
        signals[0].Details!["labels"]!["alertname"] = "Changed";
        body["alerts"]![0]!["labels"]!["alertname"]!.GetValue<string>().Should().Be("HighLatency");
    }

    [Fact]
    public void Status_is_case_insensitive()
    {
        var signals = AlertmanagerPayload.Parse(Payload(Alert("FIRING"), Alert("Resolved")));

        signals.Select(s => s.Action).Should().Equal(AlertAction.Trigger, AlertAction.Resolve);
    }

    [Fact]
    public void An_empty_alerts_list_gives_no_signals()
    {
        AlertmanagerPayload.Parse(JsonNode.Parse("""{ "alerts": [] }""")).Should().BeEmpty();
    }

    // ---- summary ----

    [Theory]
    [InlineData("""{ "summary": "S", "title": "T" }""", """{ "alertname": "A", "instance": "i" }""", "S")]
    [InlineData("""{ "summary": "  ", "title": "T" }""", """{ "alertname": "A", "instance": "i" }""", "T")]
    [InlineData("""{ "title": " T " }""", """{ "alertname": "A", "instance": "i" }""", "T")]
    [InlineData("""{}""", """{ "alertname": "A", "instance": "i" }""", "A on i")]
    [InlineData("""{}""", """{ "alertname": "A" }""", "A")]
    [InlineData("""{}""", """{ "instance": "i" }""", "Alert from Alertmanager")]
    [InlineData("""{}""", """{}""", "Alert from Alertmanager")]
    public void The_summary_falls_back_from_summary_to_title_to_alertname_and_instance(string annotations, string labels, string summary)
    {
        var alert = Alert("firing");
        alert["annotations"] = JsonNode.Parse(annotations);
        alert["labels"] = JsonNode.Parse(labels);

        AlertmanagerPayload.Parse(Payload(alert)).Single().Summary.Should().Be(summary);
    }

    [Fact]
    public void Common_labels_and_annotations_fill_in_what_an_alert_lacks_and_the_alerts_own_win()
    {
        var payload = Payload(Alert("firing"), Alert("firing", labels: new JsonObject { ["severity"] = "info", ["alertname"] = "Own" }));
        payload["commonLabels"] = new JsonObject { ["alertname"] = "Common", ["severity"] = "error", ["service"] = "shop", ["job"] = "node" };
        payload["commonAnnotations"] = new JsonObject { ["summary"] = "Common summary", ["message"] = "Common message" };

        var signals = AlertmanagerPayload.Parse(payload);

        signals[0].Summary.Should().Be("Common summary");
        signals[0].Severity.Should().Be("error");
        signals[0].Service.Should().Be("shop");
        signals[0].Source.Should().Be("node", "without an instance label the job is the source");
        signals[0].Description.Should().Be("Common message");
        signals[1].Severity.Should().Be("info");
    }

    // ---- severity ----

    [Theory]
    [InlineData(null, "warning")]
    [InlineData("", "warning")]
    [InlineData("   ", "warning")]
    [InlineData("CRITICAL", "critical")]
    [InlineData(" Page ", "page")]
    public void Severity_is_the_lowercased_label_or_warning(string? label, string severity)
    {
        var labels = new JsonObject { ["alertname"] = "X" };
        if (label is not null)
        {
            labels["severity"] = label;
        }

        AlertmanagerPayload.Parse(Payload(Alert("firing", labels: labels))).Single().Severity.Should().Be(severity);
    }

    // ---- fingerprint and group key ----

    [Fact]
    public void Without_a_fingerprint_one_is_derived_from_the_label_set_stably()
    {
        var a = Alert("firing", labels: new JsonObject { ["alertname"] = "DiskFull", ["instance"] = "db-1", ["severity"] = "critical" }, fingerprint: null);
        var sameLabelsOtherOrder = Alert("firing", labels: new JsonObject { ["severity"] = "critical", ["instance"] = "db-1", ["alertname"] = "DiskFull" }, fingerprint: null);
        var otherInstance = Alert("firing", labels: new JsonObject { ["alertname"] = "DiskFull", ["instance"] = "db-2", ["severity"] = "critical" }, fingerprint: null);

        var first = AlertmanagerPayload.Parse(Payload(a, sameLabelsOtherOrder, otherInstance));
        var again = AlertmanagerPayload.Parse(Payload(a.DeepClone().AsObject()));

        first[0].Fingerprint.Should().MatchRegex("^[0-9a-f]{16}$");
        first[1].Fingerprint.Should().Be(first[0].Fingerprint);
        first[2].Fingerprint.Should().NotBe(first[0].Fingerprint);
        again[0].Fingerprint.Should().Be(first[0].Fingerprint);
    }

    [Theory]
    [InlineData("")]
    [InlineData("too-long")]
    public void An_empty_or_overlong_fingerprint_is_replaced_by_the_derived_one(string kind)
    {
        var labels = new JsonObject { ["alertname"] = "DiskFull" };
        var given = kind == "" ? "" : new string('f', Orchestrator.Incidents.Intake.Alert.FingerprintMaxLength + 1);

        var derived = AlertmanagerPayload.Parse(Payload(Alert("firing", labels: labels, fingerprint: null))).Single().Fingerprint;
        var parsed = AlertmanagerPayload.Parse(Payload(Alert("firing", labels: labels.DeepClone().AsObject(), fingerprint: given))).Single().Fingerprint;

        parsed.Should().Be(derived);
    }

    [Fact]
    public void Without_a_group_key_the_group_labels_make_one_and_without_either_there_is_none()
    {
        var withLabels = Payload(Alert("firing"));
        withLabels["groupLabels"] = new JsonObject { ["job"] = "api", ["alertname"] = "HighLatency" };

        AlertmanagerPayload.Parse(withLabels).Single().GroupKey.Should().Be("alertname=HighLatency,job=api");
        AlertmanagerPayload.Parse(Payload(Alert("firing"))).Single().GroupKey.Should().BeNull();
    }

    // ---- Grafana ----

    [Fact]
    public void Grafanas_extra_fields_are_accepted_and_kept()
    {
        const string grafana = """
            {
              "receiver": "orchestrator", "status": "firing", "orgId": 1, "title": "[FIRING:1] CPU high", "state": "alerting",
              "message": "**Firing**", "version": "1", "groupKey": "{}:{alertname=\"CPU high\"}", "truncatedAlerts": 0,
              "groupLabels": { "alertname": "CPU high" }, "commonLabels": { "alertname": "CPU high", "grafana_folder": "Infra" },
              "commonAnnotations": {}, "externalURL": "https://grafana.example.com/",
              "alerts": [
                {
                  "status": "firing",
                  "labels": { "alertname": "CPU high", "grafana_folder": "Infra", "instance": "web-1" },
                  "annotations": { "summary": "CPU above 90%" },
                  "startsAt": "2026-11-27T10:00:00Z", "endsAt": "0001-01-01T00:00:00Z",
                  "generatorURL": "https://grafana.example.com/alerting/grafana/abc/view",
                  "fingerprint": "ef01", "silenceURL": "https://grafana.example.com/alerting/silence/new",
                  "dashboardURL": "https://grafana.example.com/d/xyz", "panelURL": "https://grafana.example.com/d/xyz?viewPanel=2",
                  "values": { "B": 93.5, "C": 1 }, "valueString": "[ var='B' labels={} value=93.5 ]", "imageURL": ""
                }
              ]
            }
            """;

        var signal = AlertmanagerPayload.Parse(JsonNode.Parse(grafana)).Single();

        signal.Action.Should().Be(AlertAction.Trigger);
        signal.Summary.Should().Be("CPU above 90%");
        signal.Fingerprint.Should().Be("ef01");
        signal.Details!["dashboardURL"]!.GetValue<string>().Should().Be("https://grafana.example.com/d/xyz");
        signal.Details["values"]!["B"]!.GetValue<double>().Should().Be(93.5);
    }

    // ---- errors ----

    [Theory]
    [InlineData("[]", "$")]
    [InlineData("\"text\"", "$")]
    [InlineData("{}", "alerts")]
    [InlineData("""{ "alerts": {} }""", "alerts")]
    [InlineData("""{ "alerts": [], "groupKey": 5 }""", "groupKey")]
    [InlineData("""{ "alerts": [], "commonLabels": [] }""", "commonLabels")]
    [InlineData("""{ "alerts": [], "commonLabels": { "severity": 1 } }""", "commonLabels.severity")]
    [InlineData("""{ "alerts": [], "groupLabels": "x" }""", "groupLabels")]
    [InlineData("""{ "alerts": [ { "status": "firing" }, 7 ] }""", "alerts[1]")]
    [InlineData("""{ "alerts": [ { "status": "firing" }, {} ] }""", "alerts[1].status")]
    [InlineData("""{ "alerts": [ { "status": "firing" }, { "status": "pending" } ] }""", "alerts[1].status")]
    [InlineData("""{ "alerts": [ { "status": true } ] }""", "alerts[0].status")]
    [InlineData("""{ "alerts": [ { "status": "firing", "labels": [] } ] }""", "alerts[0].labels")]
    [InlineData("""{ "alerts": [ { "status": "firing", "labels": { "severity": 3 } } ] }""", "alerts[0].labels.severity")]
    [InlineData("""{ "alerts": [ { "status": "firing", "annotations": { "summary": null } } ] }""", "alerts[0].annotations.summary")]
    [InlineData("""{ "alerts": [ { "status": "firing", "startsAt": "yesterday" } ] }""", "alerts[0].startsAt")]
    [InlineData("""{ "alerts": [ { "status": "resolved", "endsAt": 12 } ] }""", "alerts[0].endsAt")]
    [InlineData("""{ "alerts": [ { "status": "firing", "fingerprint": 12 } ] }""", "alerts[0].fingerprint")]
    public void A_payload_that_is_not_an_Alertmanager_notification_is_rejected_naming_the_field(string json, string field)
    {
        var act = () => AlertmanagerPayload.Parse(JsonNode.Parse(json));

        act.Should().Throw<InvalidFieldException>().Which.Field.Should().Be(field);
    }

    [Fact]
    public void A_null_body_is_rejected()
    {
        var act = () => AlertmanagerPayload.Parse(null);

        act.Should().Throw<InvalidFieldException>().Which.Field.Should().Be("$");
    }

    [Fact]
    public void The_status_error_says_what_was_sent()
    {
        var act = () => AlertmanagerPayload.Parse(JsonNode.Parse("""{ "alerts": [ { "status": "pending" } ] }"""));

        act.Should().Throw<InvalidFieldException>().WithMessage("*alerts[0].status*\"pending\"*");
    }

    private static JsonObject Alert(string status, JsonObject? labels = null, string? fingerprint = "fp-1")
    {
        var alert = new JsonObject
        {
            ["status"] = status,
            ["labels"] = labels ?? new JsonObject { ["alertname"] = "HighLatency" },
            ["annotations"] = new JsonObject(),
            ["startsAt"] = "2026-11-27T10:00:00Z",
        };
        if (fingerprint is not null)
        {
            alert["fingerprint"] = fingerprint;
        }

        return alert;
    }

    private static JsonObject Payload(params JsonObject[] alerts) =>
        new() { ["alerts"] = new JsonArray(alerts.Select(a => (JsonNode?)a).ToArray()) };
}
