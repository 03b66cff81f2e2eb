namespace Orchestrator.Workflows.Descriptors;

/// <summary>How the designer's property panel edits an input.</summary>
public static class UiHints
{
    public const string Text = "text";
    public const string Multiline = "multiline";
    public const string Number = "number";
    public const string Boolean = "boolean";
    public const string Select = "select";
    public const string Secret = "secret";
    public const string Json = "json";

    /// <summary>An input that is always a Scriban expression (e.g. a Decision's condition).</summary>
    public const string Expression = "expression";
}
