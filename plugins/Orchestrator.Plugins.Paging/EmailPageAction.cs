using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Orchestrator.Sdk;

namespace Orchestrator.Plugins.Paging;

/// <summary>Sends a page by e-mail over SMTP (MailKit).</summary>
[Action("Email", DisplayName = "E-mail page", Category = "Paging", Description = "Sends an e-mail through an SMTP server; outputs the message id.")]
[Input("host", Required = true)]
[Input("port", Kind = InputKind.Number, DefaultJson = "587")]
[Input("security", Kind = InputKind.Select, Options = ["StartTls", "SslOnConnect", "None"], DefaultJson = "\"StartTls\"")]
[Input("userName", Description = "Leave empty for servers without authentication.")]
[Input("passwordSecret", Kind = InputKind.Secret)]
[Input("from", Required = true, Description = "e.g. Orchestrator <oncall@example.com>")]
[Input("to", Kind = InputKind.Json, Required = true, Description = "An address or an array of addresses.")]
[Input("subject", Required = true)]
[Input("body", Kind = InputKind.Multiline, Required = true, Description = "Plain text.")]
[Output("messageId")]
public sealed class EmailPageAction : IAction
{
    public async Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        try
        {
            var message = new MimeMessage();
            message.From.Add(MailboxAddress.Parse(context.GetRequiredText("from")));
            var recipients = context.Inputs.GetValueOrDefault("to") switch
            {
                string one => [one],
                IEnumerable<object?> many => many.Select(a => a?.ToString() ?? string.Empty).Where(a => a.Length > 0).ToList(),
                _ => new List<string>(),
            };
            if (recipients.Count == 0)
            {
                return ActionResult.Failed("to needs at least one address.");
            }

            message.To.AddRange(recipients.Select(MailboxAddress.Parse));
            message.Subject = context.GetRequiredText("subject");
            message.Body = new TextPart("plain") { Text = context.GetRequiredText("body") };
            message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId();
            message.Headers.Add("X-Orchestrator-Idempotency-Key", context.IdempotencyKey);

            using var smtp = new SmtpClient();
            var security = context.GetInput("security", "StartTls") switch
            {
                "None" => SecureSocketOptions.None,
                "SslOnConnect" => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.StartTls,
            };
            await smtp.ConnectAsync(context.GetRequiredText("host"), context.GetInput("port", 587), security, cancellationToken);
            if (context.GetInput<string?>("userName") is { Length: > 0 } user)
            {
                await smtp.AuthenticateAsync(user, await context.GetSecretAsync(context.GetRequiredText("passwordSecret"), cancellationToken), cancellationToken);
            }

            await smtp.SendAsync(message, cancellationToken);
            await smtp.DisconnectAsync(quit: true, cancellationToken);
            return ActionResult.Done(new Dictionary<string, object?> { ["messageId"] = message.MessageId });
        }
        catch (Exception e) when (e is ParseException or SmtpCommandException or SmtpProtocolException or AuthenticationException
            or System.Net.Sockets.SocketException or IOException or KeyNotFoundException or ArgumentException)
        {
            return ActionResult.Failed($"E-mail not sent: {e.Message}");
        }
    }
}
