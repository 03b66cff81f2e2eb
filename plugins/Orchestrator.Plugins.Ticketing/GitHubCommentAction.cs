using System.Text.Json.Nodes;
using Orchestrator.Sdk;

namespace Orchestrator.Plugins.Ticketing;

/// <summary>Comments on a GitHub issue (<c>POST /repos/{owner}/{repo}/issues/{number}/comments</c>).</summary>
[Action("GitHubComment", DisplayName = "GitHub: comment", Category = "Ticketing", Description = "Adds a comment to a GitHub issue.")]
[Input("repository", Required = true)]
[Input("tokenSecret", Kind = InputKind.Secret, Required = true)]
[Input("number", Kind = InputKind.Number, Required = true)]
[Input("body", Kind = InputKind.Multiline, Required = true)]
[Input("apiUrl", DefaultJson = "\"https://api.github.com\"")]
[Output("url")]
public sealed class GitHubCommentAction : IAction
{
    public Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken) =>
        JsonApi.GuardAsync(async () =>
        {
            var (issues, auth) = await GitHub.ConnectAsync(context, cancellationToken);
            var (status, answer, text) = await JsonApi.SendAsync(context, HttpMethod.Post, $"{issues}/{context.GetInput<long>("number")}/comments", auth,
                new JsonObject { ["body"] = context.GetRequiredText("body") }, cancellationToken, GitHub.Headers);
            return JsonApi.Succeeded(status)
                ? ActionResult.Done(new Dictionary<string, object?> { ["url"] = answer?["html_url"]?.GetValue<string>() })
                : JsonApi.Failure("GitHub", status, text);
        });
}
