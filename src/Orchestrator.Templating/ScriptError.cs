namespace Orchestrator.Templating;

/// <summary>A parse or runtime error in an expression or template, at a 1-based line and column.</summary>
public sealed record ScriptError(string Message, int Line, int Column)
{
    /// <summary>The error as "line L, column C: message".</summary>
    public override string ToString() => $"line {Line}, column {Column}: {Message}";
}
