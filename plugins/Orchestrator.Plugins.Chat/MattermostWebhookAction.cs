using System.Text.Json.Nodes;
using Orchestrator.Sdk;

namespace Orchestrator.Plugins.Chat;

/// <summary>Posts to a Mattermost incoming webhook.</summary>
[Action("MattermostWebhook", DisplayName = "Mattermost: post via webhook", Category = "Chat", Description = "Posts a message through a Mattermost incoming webhook.")]
[Input("webhookUrlSecret", Kind = InputKind.Secret, Required = true, Description = "Secret holding the https://…/hooks/… URL.")]
[Input("text", Kind = InputKind.Multiline, Required = true, Description = "Markdown.")]
[Input("channel", Description = "Override the webhook's channel (if the webhook allows it).")]
[Input("username", Description = "Override the poster's name (if allowed).")]
[Output("status")]
public sealed class MattermostWebhookAction : IAction
{
    public Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken) =>
        ChatPost.GuardAsync(async () =>
        {
            var body = new JsonObject { ["text"] = context.GetRequiredText("text") };
            foreach (var field in new[] { "channel", "username" })
            {
                if (context.GetInput<string?>(field) is { Length: > 0 } value)
                {
                    body[field] = value;
                }
            }

            var (status, text) = await ChatPost.SendAsync(context, await ChatPost.WebhookUrlAsync(context, cancellationToken), body, null, cancellationToken);
            return ChatPost.Outcome(status, text, "Mattermost");
        });
}
