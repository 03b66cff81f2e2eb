using System.Text;
using System.Text.RegularExpressions;
using Orchestrator.Sdk;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace Orchestrator.Plugins.Remediation;

/// <summary>Runs systemctl on another host over SSH (SSH.NET), with a private key or a password from secrets.</summary>
internal static partial class SystemctlOverSsh
{
    /// <summary>Unit names and the systemctl path are checked against these, so the remote command line cannot be abused.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9@._:\-]+\z")]
    public static partial Regex UnitName();

    [GeneratedRegex(@"^[A-Za-z0-9/._\-]+\z")]
    public static partial Regex ProgramPath();

    public static async Task<SshClient> ConnectAsync(ActionContext context, string host, CancellationToken cancellationToken)
    {
        var user = context.GetRequiredText("user");
        var port = context.GetInput("port", 22);
        AuthenticationMethod method = context.GetInput<string?>("privateKeySecret") is { Length: > 0 } keySecret
            ? new PrivateKeyAuthenticationMethod(user, new PrivateKeyFile(new MemoryStream(Encoding.UTF8.GetBytes(await context.GetSecretAsync(keySecret, cancellationToken)))))
            : new PasswordAuthenticationMethod(user, await context.GetSecretAsync(context.GetRequiredText("passwordSecret"), cancellationToken));
        var client = new SshClient(new ConnectionInfo(host, port, user, method) { Timeout = TimeSpan.FromSeconds(20) });
        if (context.GetInput<string?>("hostKeyFingerprint") is { Length: > 0 } expected)
        {
            // SHA256 fingerprint as ssh-keygen -lf prints it (with or without the "SHA256:" prefix).
            client.HostKeyReceived += (_, e) => e.CanTrust = string.Equals(e.FingerPrintSHA256, expected.Replace("SHA256:", string.Empty, StringComparison.Ordinal).TrimEnd('='), StringComparison.Ordinal);
        }

        await client.ConnectAsync(cancellationToken);
        return client;
    }

    public static async Task<CommandRunner.Outcome> RunAsync(SshClient client, string commandLine, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var command = client.CreateCommand(commandLine);
        command.CommandTimeout = timeout;
        try
        {
            await command.ExecuteAsync(cancellationToken);
        }
        catch (SshOperationTimeoutException)
        {
            return new CommandRunner.Outcome(-1, command.Result ?? string.Empty, command.Error ?? string.Empty, TimedOut: true);
        }

        return new CommandRunner.Outcome(command.ExitStatus ?? -1, (command.Result ?? string.Empty).TrimEnd(), (command.Error ?? string.Empty).TrimEnd(), TimedOut: false);
    }
}
