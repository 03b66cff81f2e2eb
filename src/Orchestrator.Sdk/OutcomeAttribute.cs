namespace Orchestrator.Sdk;

/// <summary>Declares an outcome port of the action besides <c>Done</c> and <c>Failed</c> (e.g. <c>Healthy</c>, <c>Unhealthy</c>).</summary>
/// <param name="name">The port's name.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class OutcomeAttribute(string name) : Attribute
{
    /// <summary>The port's name.</summary>
    public string Name { get; } = name;
}
