using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Orchestrator.Incidents.Errors;

namespace Orchestrator.Incidents.Intake.Sources;

/// <summary>
/// Reads Alertmanager's webhook payload (version 4: receiver, status, alerts[], groupLabels, commonLabels,
/// commonAnnotations, externalURL, groupKey, truncatedAlerts), and Grafana-managed alerting's superset of it (title,
/// state, message, orgId; per alert silenceURL, dashboardURL, panelURL, values, valueString), into alert signals.
/// </summary>
public static class AlertmanagerPayload
{
    /// <summary>The signals in the payload, in order. Throws <see cref="InvalidFieldException"/> naming the field when
    /// the payload is not an Alertmanager notification.</summary>
    public static IReadOnlyList<AlertSignal> Parse(JsonNode? body)
    {
        if (body is not JsonObject payload)
        {
            throw new InvalidFieldException("$", "The body must be an Alertmanager webhook notification (a JSON object with alerts[]).");
        }

        var alerts = JsonFields.Array(payload, "alerts", "")
            ?? throw new InvalidFieldException("alerts", "alerts is required: the notification's alerts.");
        var groupKey = JsonFields.Text(payload, "groupKey", "") ?? GroupKeyOf(JsonFields.StringMap(payload, "groupLabels", ""));
        var commonLabels = JsonFields.StringMap(payload, "commonLabels", "");
        var commonAnnotations = JsonFields.StringMap(payload, "commonAnnotations", "");
        var externalUrl = JsonFields.Text(payload, "externalURL", "");
        var receiver = JsonFields.Text(payload, "receiver", "");

        var signals = new List<AlertSignal>(alerts.Count);
        for (var i = 0; i < alerts.Count; i++)
        {
            var path = $"alerts[{i}]";
            if (alerts[i] is not JsonObject alert)
            {
                throw new InvalidFieldException(path, $"{path} must be an object.");
            }

            signals.Add(Signal(alert, path, groupKey, commonLabels, commonAnnotations, externalUrl, receiver));
        }

        return signals;
    }

    private static AlertSignal Signal(JsonObject alert, string path, string? groupKey, Dictionary<string, string> commonLabels,
        Dictionary<string, string> commonAnnotations, string? externalUrl, string? receiver)
    {
        var status = JsonFields.Text(alert, "status", path)?.ToLowerInvariant();
        var action = status switch
        {
            "firing" => AlertAction.Trigger,
            "resolved" => AlertAction.Resolve,
            null => throw new InvalidFieldException($"{path}.status", $"{path}.status is required: \"firing\" or \"resolved\"."),
            _ => throw new InvalidFieldException($"{path}.status", $"{path}.status must be \"firing\" or \"resolved\"; got \"{status}\"."),
        };
        var labels = JsonFields.StringMap(alert, "labels", path);
        var annotations = JsonFields.StringMap(alert, "annotations", path);
        var fingerprint = JsonFields.Text(alert, "fingerprint", path) is { Length: > 0 and <= Alert.FingerprintMaxLength } given
            ? given
            : FingerprintOf(labels);
        var alertName = Label(labels, commonLabels, "alertname");
        var instance = Label(labels, commonLabels, "instance");
        var summary = Annotation(annotations, commonAnnotations, "summary")
            ?? Annotation(annotations, commonAnnotations, "title")
            ?? (alertName is null ? null : instance is null ? alertName : $"{alertName} on {instance}")
            ?? "Alert from Alertmanager";

        var details = (JsonObject)alert.DeepClone();
        details["receiver"] = receiver;
        details["externalURL"] = externalUrl;
        return new AlertSignal(
            action,
            fingerprint,
            summary,
            (Label(labels, commonLabels, "severity") ?? "warning").Trim().ToLowerInvariant(),
            GroupKey: groupKey,
            Description: Annotation(annotations, commonAnnotations, "description") ?? Annotation(annotations, commonAnnotations, "message"),
            Source: instance ?? Label(labels, commonLabels, "job"),
            Service: Label(labels, commonLabels, "service"),
            StartsAt: JsonFields.Time(alert, "startsAt", path),
            EndsAt: JsonFields.Time(alert, "endsAt", path),
            Details: details);
    }

    private static string? Label(Dictionary<string, string> labels, Dictionary<string, string> common, string name) =>
        labels.TryGetValue(name, out var value) || common.TryGetValue(name, out value) ? NullIfBlank(value) : null;

    private static string? Annotation(Dictionary<string, string> annotations, Dictionary<string, string> common, string name) =>
        annotations.TryGetValue(name, out var value) || common.TryGetValue(name, out value) ? NullIfBlank(value) : null;

    private static string? NullIfBlank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Older Alertmanagers send no fingerprint: derive one from the label set, as Alertmanager does.</summary>
    private static string FingerprintOf(Dictionary<string, string> labels)
    {
        var text = string.Join('\n', labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    private static string? GroupKeyOf(Dictionary<string, string> groupLabels) =>
        groupLabels.Count == 0 ? null : string.Join(',', groupLabels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));
}
