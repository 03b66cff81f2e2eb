using System.Diagnostics;
using System.Text;

namespace Orchestrator.Plugins.Remediation;

/// <summary>Runs an executable with an argument list — never through a shell — capturing output, killing it at the time-out.</summary>
internal static class CommandRunner
{
    public const int MaxCapturedCharacters = 64 * 1024;

    public sealed record Outcome(int ExitCode, string StandardOutput, string StandardError, bool TimedOut);

    public static async Task<Outcome> RunAsync(string command, IEnumerable<string> arguments, string? workingDirectory,
        IReadOnlyDictionary<string, string?>? environment, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? string.Empty,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        using var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        var error = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(error, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            return new Outcome(process.ExitCode, Text(output), Text(error), TimedOut: true);
        }

        process.WaitForExit(); // flush the asynchronous output readers
        return new Outcome(process.ExitCode, Text(output), Text(error), TimedOut: false);
    }

    private static void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            if (buffer.Length < MaxCapturedCharacters)
            {
                buffer.AppendLine(line);
            }
        }
    }

    private static string Text(StringBuilder buffer)
    {
        lock (buffer)
        {
            var text = buffer.ToString().TrimEnd();
            return text.Length <= MaxCapturedCharacters ? text : text[..MaxCapturedCharacters];
        }
    }
}
