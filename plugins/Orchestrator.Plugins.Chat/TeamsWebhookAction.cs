using System.Text.Json.Nodes;
using Orchestrator.Sdk;

namespace Orchestrator.Plugins.Chat;

/// <summary>Posts an Adaptive Card to a Microsoft Teams incoming webhook (Teams Workflows).</summary>
[Action("TeamsWebhook", DisplayName = "Teams: post via webhook", Category = "Chat",
    Description = "Posts a card with a title and text to the channel of a Microsoft Teams incoming webhook.")]
[Input("webhookUrlSecret", Kind = InputKind.Secret, Required = true, Description = "Secret holding the webhook URL.")]
[Input("title", Required = true)]
[Input("text", Kind = InputKind.Multiline, Required = true, Description = "Markdown subset supported by Adaptive Cards.")]
[Input("card", Kind = InputKind.Json, Description = "A whole Adaptive Card to send instead of title and text.")]
[Output("status")]
public sealed class TeamsWebhookAction : IAction
{
    public Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken) =>
        ChatPost.GuardAsync(async () =>
        {
            var card = ChatPost.Json(context, "card") ?? new JsonObject
            {
                ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
                ["type"] = "AdaptiveCard",
                ["version"] = "1.4",
                ["body"] = new JsonArray(
                    new JsonObject { ["type"] = "TextBlock", ["text"] = context.GetRequiredText("title"), ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true },
                    new JsonObject { ["type"] = "TextBlock", ["text"] = context.GetRequiredText("text"), ["wrap"] = true }),
            };
            var body = new JsonObject
            {
                ["type"] = "message",
                ["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "application/vnd.microsoft.card.adaptive", ["content"] = card }),
            };
            var (status, text) = await ChatPost.SendAsync(context, await ChatPost.WebhookUrlAsync(context, cancellationToken), body, null, cancellationToken);
            return ChatPost.Outcome(status, text, "Teams");
        });
}
