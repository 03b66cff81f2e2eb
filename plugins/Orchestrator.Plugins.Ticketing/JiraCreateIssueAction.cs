using System.Text.Json.Nodes;
using Orchestrator.Sdk;

namespace Orchestrator.Plugins.Ticketing;

/// <summary>Creates a Jira issue (<c>POST /rest/api/3/issue</c>) with an Atlassian Document Format description.</summary>
[Action("JiraCreateIssue", DisplayName = "Jira: create issue", Category = "Ticketing", Description = "Creates a Jira Cloud issue; outputs its key and URL.")]
[Input("siteUrl", Required = true, Description = "https://your-site.atlassian.net")]
[Input("email", Required = true, Description = "The account the API token belongs to.")]
[Input("apiTokenSecret", Kind = InputKind.Secret, Required = true)]
[Input("projectKey", Required = true, Description = "e.g. OPS")]
[Input("summary", Required = true)]
[Input("description", Kind = InputKind.Multiline, Description = "Plain text; blank lines separate paragraphs.")]
[Input("issueType", DefaultJson = "\"Task\"", Description = "e.g. Bug, Task, Incident")]
[Input("labels", Kind = InputKind.Json, Description = "e.g. [\"incident\", \"p1\"]")]
[Input("priority", Description = "Priority name, e.g. Highest")]
[Output("key")]
[Output("id")]
[Output("url")]
public sealed class JiraCreateIssueAction : IAction
{
    public Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken) =>
        JsonApi.GuardAsync(async () =>
        {
            var (site, auth) = await Jira.ConnectAsync(context, cancellationToken);
            var fields = new JsonObject
            {
                ["project"] = new JsonObject { ["key"] = context.GetRequiredText("projectKey") },
                ["summary"] = context.GetRequiredText("summary"),
                ["issuetype"] = new JsonObject { ["name"] = context.GetInput("issueType", "Task") },
            };
            if (context.GetInput<string?>("description") is { Length: > 0 } description)
            {
                fields["description"] = Jira.Document(description);
            }

            if (context.GetInput<IEnumerable<object?>?>("labels") is { } labels)
            {
                fields["labels"] = new JsonArray(labels.Select(l => (JsonNode?)JsonValue.Create(l?.ToString())).ToArray());
            }

            if (context.GetInput<string?>("priority") is { Length: > 0 } priority)
            {
                fields["priority"] = new JsonObject { ["name"] = priority };
            }

            var (status, body, text) = await JsonApi.SendAsync(context, HttpMethod.Post, $"{site}/rest/api/3/issue", auth, new JsonObject { ["fields"] = fields }, cancellationToken);
            if (!JsonApi.Succeeded(status))
            {
                return JsonApi.Failure("Jira", status, text);
            }

            var key = body?["key"]?.GetValue<string>();
            return ActionResult.Done(new Dictionary<string, object?> { ["key"] = key, ["id"] = body?["id"]?.GetValue<string>(), ["url"] = $"{site}/browse/{key}" });
        });
}
