using System.Globalization;
using System.Text.RegularExpressions;
using Scriban.Syntax;

namespace Orchestrator.Templating;

/// <summary>Turns Scriban's run-time failures into <see cref="ScriptException"/>s worded in terms of <see cref="SandboxLimits"/>.</summary>
internal static class ScriptFailures
{
    public static ScriptException TimeLimitExceeded(SandboxLimits limits, ScriptRuntimeException? abort, string text) =>
        new(Error($"time limit of {Format(limits.TimeLimit)} exceeded", abort, text), abort);

    public static ScriptException FromRuntime(ScriptRuntimeException exception, SandboxLimits limits, string text) =>
        new(Error(Describe(exception, limits), exception, text), exception);

    public static ScriptException Unexpected(Exception exception, Scriban.Parsing.SourceSpan? span, string text)
    {
        var error = span is { } known
            ? ParsedScript.ToError(exception.Message, known, text)
            : new ScriptError(exception.Message, 1, 1);
        return new ScriptException(error, exception);
    }

    public static bool IsAbort(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is ScriptAbortException or OperationCanceledException)
            {
                return true;
            }
        }

        return false;
    }

    public static string Format(TimeSpan time) =>
        time.Ticks % TimeSpan.TicksPerSecond == 0
            ? $"{time.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s"
            : $"{time.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms";

    private static ScriptError Error(string message, ScriptRuntimeException? exception, string text) =>
        exception is null ? new ScriptError(message, 1, 1) : ParsedScript.ToError(message, exception.Span, text);

    // Scriban names its own settings (LimitToString, LoopLimit…); callers know ours, so limit errors are reworded.
    // An unrecognised message is passed on as Scriban wrote it.
    private static string Describe(ScriptRuntimeException exception, SandboxLimits limits)
    {
        var message = exception.OriginalMessage;
        if (exception.InnerException is RegexMatchTimeoutException)
        {
            return $"regular expression time limit of {Format(limits.RegexTimeout)} exceeded";
        }

        if (message.Contains("iteration limit", StringComparison.Ordinal) || message.Contains("exceeds LoopLimit", StringComparison.Ordinal))
        {
            return $"loop limit of {limits.LoopLimit} iterations exceeded";
        }

        if (message.Contains("recursive depth limit", StringComparison.Ordinal))
        {
            return $"recursion limit of {limits.RecursiveLimit} nested calls exceeded";
        }

        if (message.Contains("LimitToString", StringComparison.Ordinal))
        {
            return $"string limit of {limits.StringLimit} characters exceeded";
        }

        if (message.Contains("OutputLimit", StringComparison.Ordinal))
        {
            return $"output limit of {limits.OutputLimit} characters exceeded";
        }

        return message;
    }
}
