using System.Text.Json.Nodes;
using Orchestrator.Sdk;

namespace Orchestrator.Plugins.Ticketing;

/// <summary>Adds a comment to a Jira issue (<c>POST /rest/api/3/issue/{key}/comment</c>).</summary>
[Action("JiraComment", DisplayName = "Jira: comment", Category = "Ticketing", Description = "Adds a comment to a Jira Cloud issue.")]
[Input("siteUrl", Required = true)]
[Input("email", Required = true)]
[Input("apiTokenSecret", Kind = InputKind.Secret, Required = true)]
[Input("issueKey", Required = true, Description = "e.g. OPS-42, or outputs.ticket.key")]
[Input("text", Kind = InputKind.Multiline, Required = true)]
[Output("id")]
public sealed class JiraCommentAction : IAction
{
    public Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken) =>
        JsonApi.GuardAsync(async () =>
        {
            var (site, auth) = await Jira.ConnectAsync(context, cancellationToken);
            var key = Uri.EscapeDataString(context.GetRequiredText("issueKey"));
            var (status, body, text) = await JsonApi.SendAsync(context, HttpMethod.Post, $"{site}/rest/api/3/issue/{key}/comment", auth,
                new JsonObject { ["body"] = Jira.Document(context.GetRequiredText("text")) }, cancellationToken);
            return JsonApi.Succeeded(status)
                ? ActionResult.Done(new Dictionary<string, object?> { ["id"] = body?["id"]?.GetValue<string>() })
                : JsonApi.Failure("Jira", status, text);
        });
}
