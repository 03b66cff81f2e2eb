using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orchestrator.Incidents.Intake.Sources;

/// <summary>
/// An event in PagerDuty's Events API v2 format (<c>POST /v2/enqueue</c>): routing_key, event_action
/// (trigger / acknowledge / resolve), dedup_key, payload (summary, source, severity, timestamp, component, group, class,
/// custom_details), images, links, client, client_url. <see cref="Parse"/> collects every invalid field, the way
/// PagerDuty answers with an <c>errors</c> list.
/// </summary>
public sealed record PagerDutyEvent(string RoutingKey, AlertSignal Signal, bool DedupKeyGenerated)
{
    public const int SummaryMaxLength = 1024;
    private static readonly string[] Severities = ["critical", "error", "warning", "info"];
    private static readonly string[] Actions = ["trigger", "acknowledge", "resolve"];

    /// <summary>The event, or the list of what is wrong with it.</summary>
    public static (PagerDutyEvent? Event, IReadOnlyList<string> Errors) Parse(JsonNode? body)
    {
        var errors = new List<string>();
        if (body is not JsonObject obj)
        {
            return (null, ["Event object is invalid: the body must be a JSON object."]);
        }

        var routingKey = ReadRoutingKey(obj, errors);
        var action = Text(obj, "event_action", errors);
        if (action is null && IsAbsent(obj, "event_action"))
        {
            errors.Add("'event_action' is missing or blank");
        }
        else if (action is not null && !Actions.Contains(action))
        {
            errors.Add($"'event_action' is invalid (must be one of: {string.Join(", ", Actions)}); got '{action}'");
        }

        var dedupKey = Text(obj, "dedup_key", errors);
        if (dedupKey is { Length: > Alert.FingerprintMaxLength })
        {
            errors.Add($"'dedup_key' is longer than {Alert.FingerprintMaxLength} characters");
        }
        else if (dedupKey is null && action is "acknowledge" or "resolve")
        {
            errors.Add($"'dedup_key' is required to {action} an alert");
        }

        var payload = obj["payload"] as JsonObject;
        if (obj["payload"] is not null and not JsonObject)
        {
            errors.Add("'payload' must be an object");
        }

        string? summary = null, source = null, severity = null;
        DateTimeOffset? timestamp = null;
        if (action == "trigger")
        {
            if (payload is null)
            {
                errors.Add("'payload' is missing: a trigger needs payload.summary, payload.source and payload.severity");
            }
            else
            {
                summary = Required(payload, "summary", errors);
                source = Required(payload, "source", errors);
                severity = Required(payload, "severity", errors);
                if (summary is { Length: > SummaryMaxLength })
                {
                    errors.Add($"'payload.summary' is longer than {SummaryMaxLength} characters");
                }

                if (severity is not null && !Severities.Contains(severity))
                {
                    errors.Add($"'payload.severity' is invalid (must be one of: {string.Join(", ", Severities)}); got '{severity}'");
                }

                timestamp = Timestamp(payload, errors);
                foreach (var name in new[] { "component", "group", "class" })
                {
                    Text(payload, name, errors, "payload.");
                }
            }
        }

        CheckArray(obj, "images", errors);
        CheckArray(obj, "links", errors);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var generated = dedupKey is null;
        var key = dedupKey ?? Guid.NewGuid().ToString("N");
        var signal = new AlertSignal(
            action switch { "trigger" => AlertAction.Trigger, "acknowledge" => AlertAction.Acknowledge, _ => AlertAction.Resolve },
            key,
            summary ?? string.Empty,
            severity ?? "warning",
            GroupKey: payload is null ? null : Text(payload, "group", errors),
            Description: payload?["custom_details"] is JsonNode custom ? custom.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) : null,
            Source: source,
            Details: Details(obj, timestamp));
        return (new PagerDutyEvent(routingKey!, signal, generated), errors);
    }

    /// <summary>Checks a change event (<c>POST /v2/change/enqueue</c>): routing_key and payload.summary are required.</summary>
    public static (string? RoutingKey, string? Summary, string? Source, JsonObject? Details, IReadOnlyList<string> Errors) ParseChange(JsonNode? body)
    {
        var errors = new List<string>();
        if (body is not JsonObject obj)
        {
            return (null, null, null, null, ["Event object is invalid: the body must be a JSON object."]);
        }

        var routingKey = ReadRoutingKey(obj, errors);
        string? summary = null, source = null;
        if (obj["payload"] is not JsonObject payload)
        {
            errors.Add("'payload' is missing: a change event needs payload.summary");
        }
        else
        {
            summary = Required(payload, "summary", errors);
            source = Text(payload, "source", errors, "payload.");
            if (summary is { Length: > SummaryMaxLength })
            {
                errors.Add($"'payload.summary' is longer than {SummaryMaxLength} characters");
            }

            Timestamp(payload, errors);
        }

        CheckArray(obj, "links", errors);
        return errors.Count > 0 ? (null, null, null, null, errors) : (routingKey, summary, source, Details(obj, null), errors);
    }

    private static string? ReadRoutingKey(JsonObject obj, List<string> errors)
    {
        var key = Text(obj, "routing_key", errors);
        if (string.IsNullOrEmpty(key) && IsAbsent(obj, "routing_key"))
        {
            errors.Add("'routing_key' is missing or blank");
        }
        else if (key is not null && key.Length != IntegrationKey.Length)
        {
            errors.Add($"Length of 'routing_key' is incorrect (should be {IntegrationKey.Length} characters)");
        }

        return key;
    }

    private static string? Required(JsonObject payload, string name, List<string> errors)
    {
        var value = Text(payload, name, errors, "payload.");
        if (string.IsNullOrWhiteSpace(value) && (IsAbsent(payload, name) || value is not null))
        {
            errors.Add($"'payload.{name}' is missing or blank");
            return null;
        }

        return value?.Trim();
    }

    private static DateTimeOffset? Timestamp(JsonObject payload, List<string> errors)
    {
        var text = Text(payload, "timestamp", errors, "payload.");
        if (text is null)
        {
            return null;
        }

        if (JsonFields.TryParseTime(text, out var time))
        {
            return time;
        }

        errors.Add($"'payload.timestamp' is not an ISO 8601 date and time; got '{text}'");
        return null;
    }

    private static string? Text(JsonObject obj, string name, List<string> errors, string prefix = "")
    {
        if (!JsonFields.TryText(obj, name, out var text))
        {
            errors.Add($"'{prefix}{name}' must be a string");
        }

        return string.IsNullOrEmpty(text) ? null : text;
    }

    /// <summary>Missing, null or an empty string (a value of the wrong type has its own error).</summary>
    private static bool IsAbsent(JsonObject obj, string name) =>
        obj[name] is null || (obj[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Length == 0);

    private static void CheckArray(JsonObject obj, string name, List<string> errors)
    {
        if (obj[name] is not null and not JsonArray)
        {
            errors.Add($"'{name}' must be an array");
        }
    }

    /// <summary>What is kept with the alert: the payload, links, images and client, not the routing key.</summary>
    private static JsonObject Details(JsonObject obj, DateTimeOffset? timestamp)
    {
        var details = new JsonObject();
        foreach (var name in new[] { "payload", "links", "images", "client", "client_url" })
        {
            if (obj[name] is { } node)
            {
                details[name] = node.DeepClone();
            }
        }

        if (timestamp is { } at)
        {
            details["timestamp"] = at.ToString("O", CultureInfo.InvariantCulture);
        }

        return details;
    }
}
