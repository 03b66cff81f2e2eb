using System.Text.Json.Nodes;
using Orchestrator.Sdk;

namespace Orchestrator.Plugins.Chat;

/// <summary>Posts to a Slack incoming webhook.</summary>
[Action("SlackWebhook", DisplayName = "Slack: post via webhook", Category = "Chat", Description = "Posts a message to the channel of a Slack incoming webhook.")]
[Input("webhookUrlSecret", Kind = InputKind.Secret, Required = true, Description = "Secret holding the https://hooks.slack.com/services/… URL.")]
[Input("text", Kind = InputKind.Multiline, Required = true, Description = "The message (Slack mrkdwn); also the notification text when blocks are given.")]
[Input("blocks", Kind = InputKind.Json, Description = "Block Kit blocks, e.g. [{ \"type\": \"section\", \"text\": { \"type\": \"mrkdwn\", \"text\": \"*P1* …\" } }].")]
[Output("status")]
public sealed class SlackWebhookAction : IAction
{
    public Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken) =>
        ChatPost.GuardAsync(async () =>
        {
            var body = new JsonObject { ["text"] = context.GetRequiredText("text") };
            if (ChatPost.Json(context, "blocks") is { } blocks)
            {
                body["blocks"] = blocks;
            }

            var (status, text) = await ChatPost.SendAsync(context, await ChatPost.WebhookUrlAsync(context, cancellationToken), body, null, cancellationToken);
            return ChatPost.Outcome(status, text, "Slack");
        });
}
