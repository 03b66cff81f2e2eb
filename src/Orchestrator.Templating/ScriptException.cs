namespace Orchestrator.Templating;

/// <summary>An expression or template failed: it did not parse, failed at run time, or hit a sandbox limit.</summary>
public sealed class ScriptException(ScriptError error, Exception? innerException = null)
    : Exception(error.ToString(), innerException)
{
    /// <summary>What went wrong and where.</summary>
    public ScriptError Error { get; } = error;
}
