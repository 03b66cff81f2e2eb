using System.ComponentModel;
using Orchestrator.Sdk;

namespace Orchestrator.Plugins.Remediation;

/// <summary>Runs a program with an argument list (no shell, so no injection through inputs), with a time-out, capturing its output.</summary>
[Action("RunCommand", DisplayName = "Run command", Category = "Remediation",
    Description = "Runs a program with arguments (no shell). An exit code outside expectedExitCodes, or the time-out, follows Failed.")]
[Input("command", Required = true, Description = "The program: a path, or a name found on PATH.")]
[Input("arguments", Kind = InputKind.Json, Description = "An array of arguments, passed as they are (no shell expansion).")]
[Input("workingDirectory")]
[Input("environment", Kind = InputKind.Json, Description = "Extra environment variables, as an object.")]
[Input("expectedExitCodes", Kind = InputKind.Json, DefaultJson = "[0]")]
[Input("timeoutSeconds", Kind = InputKind.Number, DefaultJson = "60")]
[Output("exitCode")]
[Output("stdout", Description = "Standard output (first 64 KB).")]
[Output("stderr", Description = "Standard error (first 64 KB).")]
public sealed class RunCommandAction : IAction
{
    public async Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        var command = context.GetRequiredText("command");
        var arguments = context.GetInput<IEnumerable<object?>?>("arguments")?.Select(a => Convert.ToString(a, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty).ToList() ?? [];
        var environment = context.GetInput<IReadOnlyDictionary<string, object?>?>("environment")?.ToDictionary(e => e.Key, e => e.Value?.ToString());
        var expected = context.GetInput<IEnumerable<object?>?>("expectedExitCodes")?.Select(Convert.ToInt32).ToHashSet() ?? [0];
        var timeout = context.GetInput("timeoutSeconds", TimeSpan.FromSeconds(60));
        CommandRunner.Outcome result;
        try
        {
            result = await CommandRunner.RunAsync(command, arguments, context.GetInput<string?>("workingDirectory"), environment, timeout, cancellationToken);
        }
        catch (Win32Exception e)
        {
            return ActionResult.Failed($"Could not start '{command}': {e.Message}");
        }

        var outputs = new Dictionary<string, object?> { ["exitCode"] = (long)result.ExitCode, ["stdout"] = result.StandardOutput, ["stderr"] = result.StandardError };
        if (result.TimedOut)
        {
            return ActionResult.Failed($"'{command}' did not finish within {timeout.TotalSeconds} s and was stopped.", outputs);
        }

        return expected.Contains(result.ExitCode)
            ? ActionResult.Done(outputs)
            : ActionResult.Failed($"'{command}' exited with {result.ExitCode}: {Last(result.StandardError.Length > 0 ? result.StandardError : result.StandardOutput)}", outputs);
    }

    private static string Last(string text) => text.Length <= 500 ? text : "…" + text[^500..];
}
