using System.Text.Json.Nodes;
using Orchestrator.Sdk;

namespace Orchestrator.Plugins.Ticketing;

/// <summary>Closes a GitHub issue (<c>PATCH /repos/{owner}/{repo}/issues/{number}</c> with <c>state: closed</c>).</summary>
[Action("GitHubCloseIssue", DisplayName = "GitHub: close issue", Category = "Ticketing", Description = "Closes a GitHub issue as completed or not planned.")]
[Input("repository", Required = true)]
[Input("tokenSecret", Kind = InputKind.Secret, Required = true)]
[Input("number", Kind = InputKind.Number, Required = true)]
[Input("reason", Kind = InputKind.Select, Options = ["completed", "not_planned"], DefaultJson = "\"completed\"")]
[Input("apiUrl", DefaultJson = "\"https://api.github.com\"")]
[Output("state")]
public sealed class GitHubCloseIssueAction : IAction
{
    public Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken) =>
        JsonApi.GuardAsync(async () =>
        {
            var (issues, auth) = await GitHub.ConnectAsync(context, cancellationToken);
            var (status, answer, text) = await JsonApi.SendAsync(context, HttpMethod.Patch, $"{issues}/{context.GetInput<long>("number")}", auth,
                new JsonObject { ["state"] = "closed", ["state_reason"] = context.GetInput("reason", "completed") }, cancellationToken, GitHub.Headers);
            return JsonApi.Succeeded(status)
                ? ActionResult.Done(new Dictionary<string, object?> { ["state"] = answer?["state"]?.GetValue<string>() })
                : JsonApi.Failure("GitHub", status, text);
        });
}
