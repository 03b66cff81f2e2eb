using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Orchestrator.Sdk;

namespace Orchestrator.Plugins.Ticketing;

/// <summary>Jira Cloud REST API v3: Basic auth with an account e-mail and an API token; rich text in Atlassian Document Format.</summary>
internal static class Jira
{
    public static async Task<(string Site, AuthenticationHeaderValue Auth)> ConnectAsync(ActionContext context, CancellationToken cancellationToken) =>
        (JsonApi.BaseUrl(context, "siteUrl"),
         JsonApi.Basic(context.GetRequiredText("email"), await context.GetSecretAsync(context.GetRequiredText("apiTokenSecret"), cancellationToken)));

    /// <summary>Plain text as an ADF document: one paragraph per line block, separated by blank lines.</summary>
    public static JsonObject Document(string text) => new()
    {
        ["type"] = "doc",
        ["version"] = 1,
        ["content"] = new JsonArray(text.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(paragraph => (JsonNode?)new JsonObject
            {
                ["type"] = "paragraph",
                ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = paragraph.Trim() }),
            }).ToArray()),
    };
}
