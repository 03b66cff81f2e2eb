using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Orchestrator.Sdk;

namespace Orchestrator.Plugins.Http;

/// <summary>Sends one HTTP request and reports the response; an unexpected status follows Failed with the server's text.</summary>
[Action("Request", DisplayName = "HTTP request", Category = "HTTP",
    Description = "Sends an HTTP request. JSON responses become outputs; an unexpected status follows Failed with status, body and headers as outputs (a 4xx other than 408/425/429 is not retried). 429 with Retry-After is retried.")]
[Input("method", Kind = InputKind.Select, Options = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"], DefaultJson = "\"GET\"")]
[Input("url", Required = true, Description = "Absolute http:// or https:// URL.")]
[Input("headers", Kind = InputKind.Json, Description = "Object of header names to values, e.g. { \"Accept\": \"application/json\" }.")]
[Input("bearerTokenSecret", Kind = InputKind.Secret, Description = "Name of a stored secret sent as Authorization: Bearer <value>.")]
[Input("body", Kind = InputKind.Json, Description = "Sent as JSON when an object or array, as text when a string.")]
[Input("expectedStatus", Kind = InputKind.Json, Description = "Status codes that count as success, e.g. [200, 202]; default: any 2xx.")]
[Input("timeoutSeconds", Kind = InputKind.Number, DefaultJson = "30")]
[Output("status", Description = "The response status code.")]
[Output("body", Description = "The response body: parsed JSON, or text.")]
[Output("headers", Description = "Response headers, names in lower case.")]
public sealed class RequestAction : IAction
{
    private const int MaxBodyCharacters = 1_000_000;

    public async Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        var method = new HttpMethod(context.GetInput("method", "GET").ToUpperInvariant());
        if (!Uri.TryCreate(context.GetRequiredText("url"), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return ActionResult.FailedPermanently($"url '{context.GetInput<string?>("url")}' is not an absolute http(s) URL.");
        }

        string? token = null;
        if (context.GetInput<string?>("bearerTokenSecret") is { Length: > 0 } secretName)
        {
            try
            {
                token = await context.GetSecretAsync(secretName, cancellationToken);
            }
            catch (KeyNotFoundException e)
            {
                return ActionResult.FailedPermanently(e.Message);
            }
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(context.GetInput("timeoutSeconds", TimeSpan.FromSeconds(30)));
        var client = context.CreateHttpClient("http");
        try
        {
            using var request = BuildRequest(context, method, url);
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            using var response = await client.SendAsync(request, timeout.Token);
            return await ToResultAsync(context, url, response, timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return ActionResult.Failed($"{method} {url} did not answer within {context.GetInput("timeoutSeconds", 30.0)} s.");
        }
        catch (HttpRequestException e)
        {
            return ActionResult.Failed($"{method} {url} failed: {e.Message}");
        }
    }

    private static HttpRequestMessage BuildRequest(ActionContext context, HttpMethod method, Uri url)
    {
        var request = new HttpRequestMessage(method, url);
        if (context.GetInput<IReadOnlyDictionary<string, object?>?>("headers") is { } headers)
        {
            foreach (var (name, value) in headers)
            {
                if (!request.Headers.TryAddWithoutValidation(name, value?.ToString()))
                {
                    request.Content ??= new ByteArrayContent([]);
                    request.Content.Headers.TryAddWithoutValidation(name, value?.ToString());
                }
            }
        }

        if (context.HasInput("body") && method != HttpMethod.Get && method != HttpMethod.Head)
        {
            var body = context.Inputs["body"];
            var contentType = request.Content?.Headers.ContentType;
            request.Content = body is string text
                ? new StringContent(text, Encoding.UTF8, contentType?.MediaType ?? "text/plain")
                : new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        }

        return request;
    }

    private static async Task<ActionResult> ToResultAsync(ActionContext context, Uri url, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (text.Length > MaxBodyCharacters)
        {
            text = text[..MaxBodyCharacters];
        }

        var outputs = new Dictionary<string, object?>
        {
            ["status"] = (long)status,
            ["body"] = Parse(text, response.Content.Headers.ContentType),
            ["headers"] = response.Headers.Concat(response.Content.Headers)
                .ToDictionary(h => h.Key.ToLowerInvariant(), h => (object?)string.Join(", ", h.Value)),
        };
        var expected = context.GetInput<IEnumerable<object?>?>("expectedStatus")?.Select(Convert.ToInt32).ToHashSet();
        var ok = expected is { Count: > 0 } ? expected.Contains(status) : status is >= 200 and < 300;
        if (ok)
        {
            return ActionResult.Done(outputs);
        }

        var error = $"HTTP {status} from {url}: {Shorten(text)}";
        return IsClientError(status) ? ActionResult.FailedPermanently(error, outputs) : ActionResult.Failed(error, outputs);
    }

    /// <summary>A 4xx answer will be the same next time (bad request, unauthorised, not found), so retrying cannot help;
    /// 408 (timeout), 425 (too early) and 429 (too many requests) say to try again later.</summary>
    private static bool IsClientError(int status) => status is >= 400 and < 500 and not (408 or 425 or 429);

    private static object? Parse(string text, MediaTypeHeaderValue? contentType)
    {
        if (text.Length == 0 || contentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return text;
        }

        try
        {
            return Plain(JsonNode.Parse(text));
        }
        catch (JsonException)
        {
            return text;
        }
    }

    /// <summary>JSON as the plain values outputs carry: dictionaries, lists, strings, numbers, booleans.</summary>
    private static object? Plain(JsonNode? node) => node switch
    {
        JsonObject o => o.ToDictionary(p => p.Key, p => Plain(p.Value)),
        JsonArray a => a.Select(Plain).ToList(),
        JsonValue v when v.TryGetValue<long>(out var l) => l,
        JsonValue v when v.TryGetValue<double>(out var d) => d,
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v => v.ToString(),
        _ => null,
    };

    private static string Shorten(string text) => text.Length <= 500 ? text : text[..500] + "…";
}
