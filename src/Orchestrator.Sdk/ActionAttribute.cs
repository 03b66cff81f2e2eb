namespace Orchestrator.Sdk;

/// <summary>Marks an <see cref="IAction"/> and names it; the activity type is <c>&lt;pluginId&gt;.&lt;Name&gt;</c>.</summary>
/// <param name="name">The action's name within its plugin, e.g. <c>Request</c>.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ActionAttribute(string name) : Attribute
{
    /// <summary>The action's name within its plugin.</summary>
    public string Name { get; } = name;

    /// <summary>The name the designer shows; defaults to <see cref="Name"/>.</summary>
    public string? DisplayName { get; init; }

    /// <summary>The toolbox group, e.g. "Paging" or "Remediation".</summary>
    public string Category { get; init; } = "Actions";

    /// <summary>One or two sentences for the designer.</summary>
    public string Description { get; init; } = string.Empty;
}
