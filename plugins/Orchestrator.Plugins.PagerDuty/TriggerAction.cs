using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Sdk;

namespace Orchestrator.Plugins.PagerDuty;

/// <summary>Triggers a PagerDuty alert (pages on-call). The dedup key defaults to the step's idempotency key, so a step re-run after a crash never pages twice.</summary>
[Action("Trigger", DisplayName = "PagerDuty: trigger", Category = "Paging",
    Description = "Pages on-call through the PagerDuty Events API v2. Outputs the dedup key to acknowledge or resolve it later.")]
[Input("routingKeySecret", Kind = InputKind.Secret, Required = true, Description = "Secret holding the integration's 32-character routing key.")]
[Input("summary", Required = true, Description = "What is wrong, as the page shows it (at most 1024 characters).")]
[Input("source", Required = true, Description = "The affected system, e.g. a host or service name.")]
[Input("severity", Kind = InputKind.Select, Options = ["critical", "error", "warning", "info"], DefaultJson = "\"error\"")]
[Input("dedupKey", Description = "Groups events into one alert; default: this step's idempotency key.")]
[Input("component")]
[Input("group")]
[Input("class")]
[Input("customDetails", Kind = InputKind.Json, Description = "Any JSON shown with the alert.")]
[Input("baseUrl", DefaultJson = "\"https://events.pagerduty.com\"", Description = "The Events API; change only for EU accounts or tests.")]
[Output("dedupKey")]
[Output("status")]
[Output("message")]
public sealed class TriggerAction : IAction
{
    private static readonly string[] Severities = ["critical", "error", "warning", "info"];

    public Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        var severity = context.GetInput("severity", "error").ToLowerInvariant();
        if (!Severities.Contains(severity))
        {
            return Task.FromResult(ActionResult.Failed($"severity '{severity}' is not one of {string.Join(", ", Severities)}."));
        }

        var summary = context.GetRequiredText("summary");
        var payload = new JsonObject
        {
            ["summary"] = summary.Length <= 1024 ? summary : summary[..1024],
            ["source"] = context.GetRequiredText("source"),
            ["severity"] = severity,
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        };
        foreach (var field in new[] { "component", "group", "class" })
        {
            if (context.GetInput<string?>(field) is { Length: > 0 } value)
            {
                payload[field] = value;
            }
        }

        if (context.HasInput("customDetails"))
        {
            payload["custom_details"] = JsonNode.Parse(JsonSerializer.Serialize(context.Inputs["customDetails"]));
        }

        var dedupKey = context.GetInput<string?>("dedupKey") is { Length: > 0 } given ? given : context.IdempotencyKey;
        return EventsApi.SendAsync(context, "trigger", dedupKey, payload, cancellationToken);
    }
}
