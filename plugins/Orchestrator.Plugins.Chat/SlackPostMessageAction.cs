using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Sdk;

namespace Orchestrator.Plugins.Chat;

/// <summary>Posts with Slack's Web API <c>chat.postMessage</c> (a bot token), optionally in a thread; returns the message's <c>ts</c>.</summary>
[Action("SlackPostMessage", DisplayName = "Slack: chat.postMessage", Category = "Chat",
    Description = "Posts a message (text and Block Kit blocks) to a channel with a bot token; outputs ts to reply in its thread later.")]
[Input("tokenSecret", Kind = InputKind.Secret, Required = true, Description = "Secret holding the bot token (xoxb-…), with chat:write.")]
[Input("channel", Required = true, Description = "Channel id or name, e.g. C0123456789 or #incidents.")]
[Input("text", Kind = InputKind.Multiline, Required = true)]
[Input("blocks", Kind = InputKind.Json, Description = "Block Kit blocks.")]
[Input("threadTs", Description = "Reply in the thread of this message (a ts returned earlier).")]
[Input("baseUrl", DefaultJson = "\"https://slack.com/api\"", Description = "Change only for tests.")]
[Output("ts")]
[Output("channel")]
public sealed class SlackPostMessageAction : IAction
{
    public Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken) =>
        ChatPost.GuardAsync(async () =>
        {
            var token = await context.GetSecretAsync(context.GetRequiredText("tokenSecret"), cancellationToken);
            var body = new JsonObject { ["channel"] = context.GetRequiredText("channel"), ["text"] = context.GetRequiredText("text") };
            if (ChatPost.Json(context, "blocks") is { } blocks)
            {
                body["blocks"] = blocks;
            }

            if (context.GetInput<string?>("threadTs") is { Length: > 0 } thread)
            {
                body["thread_ts"] = thread;
            }

            var url = $"{context.GetInput("baseUrl", "https://slack.com/api").TrimEnd('/')}/chat.postMessage";
            var (status, text) = await ChatPost.SendAsync(context, url, body, token, cancellationToken);
            if (status is < 200 or >= 300)
            {
                return ChatPost.Outcome(status, text, "Slack");
            }

            // The Web API answers 200 even for errors: { "ok": false, "error": "channel_not_found" }.
            var answer = TryParse(text);
            return answer?["ok"]?.GetValue<bool>() == true
                ? ActionResult.Done(new Dictionary<string, object?> { ["ts"] = answer["ts"]?.GetValue<string>(), ["channel"] = answer["channel"]?.GetValue<string>() })
                : ActionResult.Failed($"Slack refused the message: {answer?["error"]?.GetValue<string>() ?? text}");
        });

    private static JsonNode? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
