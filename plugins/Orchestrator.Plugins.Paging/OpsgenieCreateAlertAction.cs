using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Sdk;

namespace Orchestrator.Plugins.Paging;

/// <summary>Creates an Opsgenie alert (<c>POST /v2/alerts</c>, <c>Authorization: GenieKey …</c>). The alias defaults to the step's idempotency key, so a re-run never alerts twice.</summary>
[Action("OpsgenieCreateAlert", DisplayName = "Opsgenie: create alert", Category = "Paging", Description = "Pages through the Opsgenie Alert API.")]
[Input("apiKeySecret", Kind = InputKind.Secret, Required = true, Description = "Secret holding the API integration key.")]
[Input("message", Required = true, Description = "The alert text (cut to 130 characters).")]
[Input("alias", Description = "De-duplicates alerts; default: this step's idempotency key.")]
[Input("description", Kind = InputKind.Multiline)]
[Input("priority", Kind = InputKind.Select, Options = ["P1", "P2", "P3", "P4", "P5"], DefaultJson = "\"P3\"")]
[Input("tags", Kind = InputKind.Json)]
[Input("details", Kind = InputKind.Json, Description = "String key/value pairs shown with the alert.")]
[Input("entity")]
[Input("baseUrl", DefaultJson = "\"https://api.opsgenie.com\"", Description = "EU accounts: https://api.eu.opsgenie.com")]
[Output("alias")]
[Output("requestId")]
public sealed class OpsgenieCreateAlertAction : IAction
{
    public async Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        var (key, failure) = await SecretInput.ReadAsync(context, "apiKeySecret", cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        var message = context.GetRequiredText("message");
        var alias = context.GetInput<string?>("alias") is { Length: > 0 } given ? given : context.IdempotencyKey;
        var body = new JsonObject
        {
            ["message"] = message.Length <= 130 ? message : message[..130],
            ["alias"] = alias,
            ["priority"] = context.GetInput("priority", "P3"),
            ["source"] = "Orchestrator",
        };
        foreach (var (input, field) in new[] { ("description", "description"), ("entity", "entity") })
        {
            if (context.GetInput<string?>(input) is { Length: > 0 } value)
            {
                body[field] = value;
            }
        }

        foreach (var input in new[] { "tags", "details" })
        {
            if (context.HasInput(input))
            {
                body[input] = JsonNode.Parse(JsonSerializer.Serialize(context.Inputs[input]));
            }
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, $"{context.GetInput("baseUrl", "https://api.opsgenie.com").TrimEnd('/')}/v2/alerts")
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("GenieKey", key);
        using var response = await context.CreateHttpClient("opsgenie").SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            return ActionResult.Failed($"Opsgenie answered {(int)response.StatusCode}: {(text.Length <= 500 ? text : text[..500])}");
        }

        string? requestId = null;
        try
        {
            requestId = JsonNode.Parse(text)?["requestId"]?.GetValue<string>();
        }
        catch (JsonException)
        {
        }

        return ActionResult.Done(new Dictionary<string, object?> { ["alias"] = alias, ["requestId"] = requestId });
    }
}
