using System.Text.Json.Nodes;
using Orchestrator.Sdk;

namespace Orchestrator.Plugins.Ticketing;

/// <summary>Opens a GitHub issue (<c>POST /repos/{owner}/{repo}/issues</c>).</summary>
[Action("GitHubCreateIssue", DisplayName = "GitHub: create issue", Category = "Ticketing", Description = "Opens an issue in a GitHub repository; outputs its number and URL.")]
[Input("repository", Required = true, Description = "owner/name")]
[Input("tokenSecret", Kind = InputKind.Secret, Required = true, Description = "A token with issues: write.")]
[Input("title", Required = true)]
[Input("body", Kind = InputKind.Multiline, Description = "Markdown.")]
[Input("labels", Kind = InputKind.Json, Description = "e.g. [\"incident\"]")]
[Input("apiUrl", DefaultJson = "\"https://api.github.com\"", Description = "GitHub Enterprise: https://host/api/v3")]
[Output("number")]
[Output("url")]
public sealed class GitHubCreateIssueAction : IAction
{
    public Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken) =>
        JsonApi.GuardAsync(async () =>
        {
            var (issues, auth) = await GitHub.ConnectAsync(context, cancellationToken);
            var request = new JsonObject { ["title"] = context.GetRequiredText("title") };
            if (context.GetInput<string?>("body") is { Length: > 0 } body)
            {
                request["body"] = body;
            }

            if (context.GetInput<IEnumerable<object?>?>("labels") is { } labels)
            {
                request["labels"] = new JsonArray(labels.Select(l => (JsonNode?)JsonValue.Create(l?.ToString())).ToArray());
            }

            var (status, answer, text) = await JsonApi.SendAsync(context, HttpMethod.Post, issues, auth, request, cancellationToken, GitHub.Headers);
            return JsonApi.Succeeded(status)
                ? ActionResult.Done(new Dictionary<string, object?> { ["number"] = answer?["number"]?.GetValue<long>(), ["url"] = answer?["html_url"]?.GetValue<string>() })
                : JsonApi.Failure("GitHub", status, text);
        });
}
