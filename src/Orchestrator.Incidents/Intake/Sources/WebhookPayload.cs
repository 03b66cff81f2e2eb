using System.Globalization;
using System.Text.Json.Nodes;
using Orchestrator.Incidents.Errors;
using Orchestrator.Templating;

namespace Orchestrator.Incidents.Intake.Sources;

/// <summary>Turns any posted JSON into an alert signal through a webhook integration's <see cref="WebhookMapping"/>:
/// each mapping field is a Scriban expression over <c>payload</c>, evaluated in the shared sandbox.</summary>
public static class WebhookPayload
{
    /// <summary>Throws <see cref="InvalidFieldException"/> naming the mapping field whose expression failed or gave an
    /// unusable value for this payload.</summary>
    public static AlertSignal Map(JsonNode? body, WebhookMapping mapping, ScriptSandbox sandbox, CancellationToken cancellationToken)
    {
        var scope = new Dictionary<string, object?> { ["payload"] = body };
        string? Eval(string field, string? expression)
        {
            if (expression is null)
            {
                return null;
            }

            try
            {
                return sandbox.Evaluate(expression, scope, cancellationToken) switch
                {
                    null => null,
                    string text => string.IsNullOrWhiteSpace(text) ? null : text.Trim(),
                    bool flag => flag ? "true" : "false",
                    IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
                    var other => ScriptValues.ToJson(other)?.ToJsonString(),
                };
            }
            catch (ScriptException e)
            {
                throw new InvalidFieldException($"mapping.{field}", $"The integration's mapping.{field} failed on this payload at {e.Error}");
            }
        }

        var title = Eval("title", mapping.Title)
            ?? throw new InvalidFieldException("mapping.title", $"The integration's mapping.title ({mapping.Title}) gave nothing for this payload; an alert needs a title.");
        var status = Eval("status", mapping.Status)?.ToLowerInvariant();
        var action = status switch
        {
            null or "firing" or "trigger" or "triggered" or "alerting" or "problem" or "open" => AlertAction.Trigger,
            "acknowledged" or "acknowledge" or "ack" => AlertAction.Acknowledge,
            "resolved" or "resolve" or "ok" or "recovered" or "closed" => AlertAction.Resolve,
            _ => throw new InvalidFieldException("mapping.status",
                $"The integration's mapping.status gave \"{status}\"; expected firing, acknowledged or resolved (or triggered, alerting, ok, recovered)."),
        };
        var fingerprint = Alert.CompactKey(Eval("fingerprint", mapping.Fingerprint) ?? title, Alert.FingerprintMaxLength);

        return new AlertSignal(
            action,
            fingerprint,
            title,
            (Eval("severity", mapping.Severity) ?? "warning").ToLowerInvariant(),
            GroupKey: Eval("groupKey", mapping.GroupKey),
            Description: Eval("description", mapping.Description),
            Service: Eval("service", mapping.Service),
            Details: new JsonObject { ["payload"] = body?.DeepClone() });
    }
}
