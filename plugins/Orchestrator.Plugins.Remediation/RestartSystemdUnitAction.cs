using System.ComponentModel;
using Orchestrator.Sdk;

namespace Orchestrator.Plugins.Remediation;

/// <summary>Restarts a systemd unit on this host (<c>systemctl restart</c>) and reports whether it came back active.</summary>
[Action("RestartSystemdUnit", DisplayName = "Restart systemd unit", Category = "Remediation",
    Description = "Runs systemctl restart <unit>, then systemctl is-active <unit>; follows Active or Inactive.")]
[Input("unit", Required = true, Description = "e.g. nginx.service")]
[Input("systemctl", DefaultJson = "\"systemctl\"", Description = "The systemctl program (a path to use another).")]
[Input("timeoutSeconds", Kind = InputKind.Number, DefaultJson = "90")]
[Outcome("Active")]
[Outcome("Inactive")]
[Output("state", Description = "What systemctl is-active printed, e.g. active, failed, activating.")]
public sealed class RestartSystemdUnitAction : IAction
{
    public async Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        var unit = context.GetRequiredText("unit");
        if (unit.StartsWith('-'))
        {
            return ActionResult.Failed($"unit '{unit}' is not a unit name.");
        }

        var systemctl = context.GetInput("systemctl", "systemctl");
        var timeout = context.GetInput("timeoutSeconds", TimeSpan.FromSeconds(90));
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
}
