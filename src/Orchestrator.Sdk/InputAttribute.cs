namespace Orchestrator.Sdk;

/// <summary>Declares an input of the action; read it with <see cref="ActionContext.GetInput{T}"/>.</summary>
/// <param name="name">The input's name as written in definitions, camelCase, e.g. <c>url</c>.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class InputAttribute(string name) : Attribute
{
    /// <summary>The input's name.</summary>
    public string Name { get; } = name;

    /// <summary>What kind of value it takes (default <see cref="InputKind.Text"/>).</summary>
    public InputKind Kind { get; init; } = InputKind.Text;

    /// <summary>A workflow that leaves a required input out fails validation.</summary>
    public bool Required { get; init; }

    /// <summary>The value used when the workflow gives none, as JSON (e.g. <c>"30"</c>, <c>"\"GET\""</c>, <c>"[200]"</c>).</summary>
    public string? DefaultJson { get; init; }

    /// <summary>The choices of a <see cref="InputKind.Select"/> input.</summary>
    public string[]? Options { get; init; }

    /// <summary>Help text for the designer.</summary>
    public string? Description { get; init; }
}
