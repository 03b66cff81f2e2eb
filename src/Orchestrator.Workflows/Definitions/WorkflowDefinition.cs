namespace Orchestrator.Workflows.Definitions;

/// <summary>
/// A versioned flowchart workflow: <c>{ definitionId, version, name, description, isPublished, variables, triggers, root }</c>.
/// Saving creates a draft version; publishing makes a version the one new runs use; runs keep the version they started on.
/// </summary>
public sealed record WorkflowDefinition
{
    /// <summary>Stable identifier across versions: lowercase letters, digits, '-', '_' and '.'.</summary>
    public string DefinitionId { get; init; } = string.Empty;

    public int Version { get; init; }

    public string Name { get; init; } = string.Empty;

    public string? Description { get; init; }

    public bool IsPublished { get; init; }

    public IReadOnlyList<VariableDefinition> Variables { get; init; } = [];

    public IReadOnlyList<TriggerDefinition> Triggers { get; init; } = [];

    public Flowchart Root { get; init; } = new();
}
