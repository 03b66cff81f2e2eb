using System.ComponentModel;
using Orchestrator.Sdk;

namespace Orchestrator.Plugins.Remediation;

/// <summary>Restarts a systemd unit (<c>systemctl restart</c>) on this host or over SSH, and reports whether it came back active.</summary>
[Action("RestartSystemdUnit", DisplayName = "Restart systemd unit", Category = "Remediation",
    Description = "Runs systemctl restart <unit>, then systemctl is-active <unit>, locally or on host over SSH; follows Active or Inactive.")]
[Input("unit", Required = true, Description = "e.g. nginx.service")]
[Input("host", Description = "Run on this host over SSH; leave empty to run on the Orchestrator server.")]
[Input("port", Kind = InputKind.Number, DefaultJson = "22")]
[Input("user", Description = "SSH user (with the right to restart the unit, e.g. via sudoers).")]
[Input("privateKeySecret", Kind = InputKind.Secret, Description = "Secret holding the SSH private key (OpenSSH or PEM format).")]
[Input("passwordSecret", Kind = InputKind.Secret, Description = "Secret holding the SSH password, when no key is used.")]
[Input("hostKeyFingerprint", Description = "The host key's SHA256 fingerprint (ssh-keygen -lf); when set, any other host key is refused.")]
[Input("systemctl", DefaultJson = "\"systemctl\"", Description = "The systemctl program (a path to use another, e.g. \"sudo systemctl\" is not allowed: use a path).")]
[Input("timeoutSeconds", Kind = InputKind.Number, DefaultJson = "90")]
[Outcome("Active")]
[Outcome("Inactive")]
[Output("state", Description = "What systemctl is-active printed, e.g. active, failed, activating.")]
public sealed class RestartSystemdUnitAction : IAction
{
    public async Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        var unit = context.GetRequiredText("unit");
        if (unit.StartsWith('-') || !SystemctlOverSsh.UnitName().IsMatch(unit))
        {
            return ActionResult.Failed($"unit '{unit}' is not a unit name.");
        }

        var systemctl = context.GetInput("systemctl", "systemctl");
        if (!SystemctlOverSsh.ProgramPath().IsMatch(systemctl))
        {
            return ActionResult.Failed($"systemctl '{systemctl}' must be a program name or path.");
        }

        var timeout = context.GetInput("timeoutSeconds", TimeSpan.FromSeconds(90));
        if (context.GetInput<string?>("host") is { Length: > 0 } host)
        {
            return await OverSshAsync(context, host, systemctl, unit, timeout, cancellationToken);
        }

        try
        {
            var restart = await CommandRunner.RunAsync(systemctl, ["restart", unit], null, null, timeout, cancellationToken);
            if (restart.TimedOut || restart.ExitCode != 0)
            {
                return ActionResult.Failed(restart.TimedOut
                    ? $"systemctl restart {unit} did not finish within {timeout.TotalSeconds} s."
                    : $"systemctl restart {unit} exited with {restart.ExitCode}: {restart.StandardError}");
            }

            var check = await CommandRunner.RunAsync(systemctl, ["is-active", unit], null, null, TimeSpan.FromSeconds(30), cancellationToken);
            var state = check.StandardOutput.Trim();
            var outputs = new Dictionary<string, object?> { ["state"] = state };
            return check.ExitCode == 0 && state == "active" ? ActionResult.To("Active", outputs) : ActionResult.To("Inactive", outputs);
        }
        catch (Win32Exception e)
        {
            return ActionResult.Failed($"Could not start '{systemctl}': {e.Message}");
        }
    }

    private static async Task<ActionResult> OverSshAsync(ActionContext context, string host, string systemctl, string unit, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            using var client = await SystemctlOverSsh.ConnectAsync(context, host, cancellationToken);
            var restart = await SystemctlOverSsh.RunAsync(client, $"{systemctl} restart {unit}", timeout, cancellationToken);
            if (restart.TimedOut || restart.ExitCode != 0)
            {
                return ActionResult.Failed(restart.TimedOut
                    ? $"systemctl restart {unit} on {host} did not finish within {timeout.TotalSeconds} s."
                    : $"systemctl restart {unit} on {host} exited with {restart.ExitCode}: {restart.StandardError}");
            }

            var check = await SystemctlOverSsh.RunAsync(client, $"{systemctl} is-active {unit}", TimeSpan.FromSeconds(30), cancellationToken);
            var state = check.StandardOutput.Trim();
            var outputs = new Dictionary<string, object?> { ["state"] = state };
            return check.ExitCode == 0 && state == "active" ? ActionResult.To("Active", outputs) : ActionResult.To("Inactive", outputs);
        }
        catch (Exception e) when (e is Renci.SshNet.Common.SshException or System.Net.Sockets.SocketException or KeyNotFoundException or ArgumentException)
        {
            return ActionResult.Failed($"SSH to {host} failed: {e.Message}");
        }
    }
}
