namespace Orchestrator.Workflows.Definitions;

/// <summary>The root of a definition: activities joined by connections from an outcome port to a target activity.</summary>
public sealed record Flowchart
{
    public const string TypeName = "Flowchart";

    public string Type { get; init; } = TypeName;

    public IReadOnlyList<ActivityNode> Activities { get; init; } = [];

    public IReadOnlyList<Connection> Connections { get; init; } = [];
}
