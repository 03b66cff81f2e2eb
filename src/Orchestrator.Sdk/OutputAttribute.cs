namespace Orchestrator.Sdk;

/// <summary>Declares a value the action returns in <see cref="ActionResult.Outputs"/>, read by later steps as <c>outputs.&lt;activityId&gt;.&lt;name&gt;</c>.</summary>
/// <param name="name">The output's name, camelCase.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class OutputAttribute(string name) : Attribute
{
    /// <summary>The output's name.</summary>
    public string Name { get; } = name;

    /// <summary>Help text for the designer.</summary>
    public string? Description { get; init; }
}
