using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Sdk;

namespace Orchestrator.Plugins.Ticketing;

/// <summary>JSON calls to a ticketing API with its authorisation, (429 and 5xx are retried by the host's HTTP client).</summary>
internal static class JsonApi
{
    public static async Task<(int Status, JsonNode? Body, string Text)> SendAsync(ActionContext context, HttpMethod method, string url,
        AuthenticationHeaderValue authorization, JsonNode? body, CancellationToken cancellationToken, params (string Name, string Value)[] headers)
    {
        var client = context.CreateHttpClient("ticketing");
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = authorization;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return ((int)response.StatusCode, Parse(text), text);
    }

    public static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    public static bool Succeeded(int status) => status is >= 200 and < 300;

    public static ActionResult Failure(string service, int status, string text) =>
        ActionResult.Failed($"{service} answered {status}: {(text.Length <= 500 ? text : text[..500])}");

    /// <summary>Runs a call, turning a missing secret or input into a failure the journal shows.</summary>
    public static async Task<ActionResult> GuardAsync(Func<Task<ActionResult>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (e is KeyNotFoundException or ArgumentException or HttpRequestException)
        {
            return ActionResult.Failed(e.Message);
        }
    }

    /// <summary>A base URL input without its trailing slash, required to be absolute http(s).</summary>
    public static string BaseUrl(ActionContext context, string name, string? fallback = null)
    {
        var url = (context.GetInput<string?>(name) ?? fallback ?? throw new ArgumentException($"Input '{name}' is required.", name)).TrimEnd('/');
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? url
            : throw new ArgumentException($"Input '{name}' must be an absolute http(s) URL.", name);
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
