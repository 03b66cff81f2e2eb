using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Sdk;

namespace Orchestrator.Plugins.PagerDuty;

/// <summary>Sends one event to the Events API v2 (<c>POST {baseUrl}/v2/enqueue</c>) and interprets PagerDuty's answer.</summary>
internal static class EventsApi
{
    public const string DefaultBaseUrl = "https://events.pagerduty.com";

    public static async Task<ActionResult> SendAsync(ActionContext context, string action, string? dedupKey, JsonObject? payload, CancellationToken cancellationToken)
    {
        string routingKey;
        try
        {
            routingKey = await context.GetSecretAsync(context.GetRequiredText("routingKeySecret"), cancellationToken);
        }
        catch (Exception e) when (e is KeyNotFoundException or ArgumentException)
        {
            return ActionResult.Failed(e.Message);
        }

        var body = new JsonObject { ["routing_key"] = routingKey, ["event_action"] = action };
        if (dedupKey is not null)
        {
            body["dedup_key"] = dedupKey;
        }

        if (payload is not null)
        {
            body["payload"] = payload;
        }

        var url = $"{context.GetInput("baseUrl", DefaultBaseUrl).TrimEnd('/')}/v2/enqueue";
        var client = context.CreateHttpClient("pagerduty");
        using var response = await client.PostAsJsonAsync(url, body, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode == HttpStatusCode.Accepted)
        {
            var answer = Parse(text);
            return ActionResult.Done(new Dictionary<string, object?>
            {
                ["dedupKey"] = answer?["dedup_key"]?.GetValue<string>() ?? dedupKey,
                ["status"] = answer?["status"]?.GetValue<string>(),
                ["message"] = answer?["message"]?.GetValue<string>(),
            });
        }

        var errors = Parse(text)?["errors"] is JsonArray list ? string.Join("; ", list.Select(e => e?.ToString())) : text;
        return ActionResult.Failed($"PagerDuty answered {(int)response.StatusCode}: {errors}");
    }

    private static JsonNode? Parse(string text)
    {
        try
        {
            return text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
