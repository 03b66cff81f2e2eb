using System.Text.Json.Nodes;
using Orchestrator.Sdk;

namespace Orchestrator.Plugins.Ticketing;

/// <summary>Moves a Jira issue through its workflow by transition name (looked up with <c>GET …/transitions</c>, then posted).</summary>
[Action("JiraTransition", DisplayName = "Jira: transition", Category = "Ticketing", Description = "Moves a Jira Cloud issue, e.g. to Done, by the transition's name.")]
[Input("siteUrl", Required = true)]
[Input("email", Required = true)]
[Input("apiTokenSecret", Kind = InputKind.Secret, Required = true)]
[Input("issueKey", Required = true)]
[Input("transition", Required = true, Description = "The transition's name as Jira shows it, e.g. Done (case-insensitive).")]
[Output("transitionId")]
public sealed class JiraTransitionAction : IAction
{
    public Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken) =>
        JsonApi.GuardAsync(async () =>
        {
            var (site, auth) = await Jira.ConnectAsync(context, cancellationToken);
            var url = $"{site}/rest/api/3/issue/{Uri.EscapeDataString(context.GetRequiredText("issueKey"))}/transitions";
            var (status, body, text) = await JsonApi.SendAsync(context, HttpMethod.Get, url, auth, null, cancellationToken);
            if (!JsonApi.Succeeded(status))
            {
                return JsonApi.Failure("Jira", status, text);
            }

            var wanted = context.GetRequiredText("transition");
            var transitions = body?["transitions"]?.AsArray() ?? [];
            var match = transitions.FirstOrDefault(t => string.Equals(t?["name"]?.GetValue<string>(), wanted, StringComparison.OrdinalIgnoreCase));
            if (match?["id"]?.GetValue<string>() is not { } id)
            {
                var names = string.Join(", ", transitions.Select(t => t?["name"]?.GetValue<string>()));
                return ActionResult.Failed($"Jira offers no transition '{wanted}' for this issue now; available: {names}.");
            }

            (status, _, text) = await JsonApi.SendAsync(context, HttpMethod.Post, url, auth,
                new JsonObject { ["transition"] = new JsonObject { ["id"] = id } }, cancellationToken);
            return JsonApi.Succeeded(status)
                ? ActionResult.Done(new Dictionary<string, object?> { ["transitionId"] = id })
                : JsonApi.Failure("Jira", status, text);
        });
}
