using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Sdk;

namespace Orchestrator.Plugins.Chat;

/// <summary>Posts JSON to a chat service (429 and 5xx are retried by the host's HTTP client).</summary>
internal static class ChatPost
{
    public static async Task<(int Status, string Body)> SendAsync(ActionContext context, string url, JsonNode body, string? bearerToken, CancellationToken cancellationToken)
    {
        var client = context.CreateHttpClient("chat");
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (bearerToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        using var response = await client.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return ((int)response.StatusCode, text);
    }

    /// <summary>A webhook URL from a secret: webhook URLs are credentials.</summary>
    public static async Task<string> WebhookUrlAsync(ActionContext context, CancellationToken cancellationToken)
    {
        var url = await context.GetSecretAsync(context.GetRequiredText("webhookUrlSecret"), cancellationToken);
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? url
            : throw new ArgumentException("The webhook URL secret does not hold an absolute http(s) URL.", "webhookUrlSecret");
    }

    /// <summary>The input as JSON (for Block Kit blocks and cards); null when absent.</summary>
    public static JsonNode? Json(ActionContext context, string name) =>
        context.HasInput(name) ? JsonNode.Parse(JsonSerializer.Serialize(context.Inputs[name])) : null;

    public static ActionResult Outcome(int status, string body, string service) =>
        status is >= 200 and < 300
            ? ActionResult.Done(new Dictionary<string, object?> { ["status"] = (long)status })
            : ActionResult.Failed($"{service} answered {status}: {(body.Length <= 500 ? body : body[..500])}", new Dictionary<string, object?> { ["status"] = (long)status });

    /// <summary>Runs a post, turning a missing secret or bad input into a failure the journal shows.</summary>
    public static async Task<ActionResult> GuardAsync(Func<Task<ActionResult>> post)
    {
        try
        {
            return await post();
        }
        catch (Exception e) when (e is KeyNotFoundException or ArgumentException or HttpRequestException)
        {
            return ActionResult.Failed(e.Message);
        }
    }
}
