namespace Orchestrator.Templating.Templates;

/// <summary>No template with this name (neither shipped nor in the database).</summary>
public sealed class TemplateNotFoundException(string name) : Exception($"No template '{name}'.")
{
    /// <summary>The name asked for.</summary>
    public string Name { get; } = name;
}

/// <summary>A template name or content that cannot be saved or rendered; <see cref="Errors"/> say where.</summary>
public sealed class InvalidTemplateException(string field, string message, IReadOnlyList<ScriptError>? errors = null) : Exception(message)
{
    /// <summary>The request field at fault: <c>name</c>, <c>content</c> or <c>model</c>.</summary>
    public string Field { get; } = field;

    /// <summary>Each error with its 1-based line and column (empty for a bad name).</summary>
    public IReadOnlyList<ScriptError> Errors { get; } = errors ?? [];
}
