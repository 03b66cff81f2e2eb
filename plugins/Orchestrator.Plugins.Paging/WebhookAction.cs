using System.Net;
using System.Text;
using System.Text.Json;
using Orchestrator.Sdk;

namespace Orchestrator.Plugins.Paging;

/// <summary>Pages any system that takes a JSON webhook: posts the payload (the host's HTTP client retries 429 and 5xx) and fails on any other non-2xx answer.</summary>
[Action("Webhook", DisplayName = "Webhook page", Category = "Paging", Description = "POSTs a JSON payload to a webhook URL kept in a secret.")]
[Input("urlSecret", Kind = InputKind.Secret, Required = true, Description = "Secret holding the webhook URL (often a credential itself).")]
[Input("payload", Kind = InputKind.Json, Required = true, Description = "The JSON body to send.")]
[Input("headers", Kind = InputKind.Json, Description = "Extra headers, as an object.")]
[Output("status")]
[Output("body")]
public sealed class WebhookAction : IAction
{
    public async Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        var (url, failure) = await SecretInput.ReadAsync(context, "urlSecret", cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return ActionResult.Failed("The webhook URL secret does not hold an absolute http(s) URL.");
        }

        var json = JsonSerializer.Serialize(context.Inputs.GetValueOrDefault("payload"));
        var client = context.CreateHttpClient("webhook");
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in context.GetInput<IReadOnlyDictionary<string, object?>?>("headers") ?? new Dictionary<string, object?>())
        {
            request.Headers.TryAddWithoutValidation(name, value?.ToString());
        }

        using var response = await client.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);

        var outputs = new Dictionary<string, object?> { ["status"] = (long)response.StatusCode, ["body"] = text.Length <= 4096 ? text : text[..4096] };
        return response.IsSuccessStatusCode
            ? ActionResult.Done(outputs)
            : ActionResult.Failed($"The webhook answered {(int)response.StatusCode}: {(text.Length <= 500 ? text : text[..500])}", outputs);
    }
}
