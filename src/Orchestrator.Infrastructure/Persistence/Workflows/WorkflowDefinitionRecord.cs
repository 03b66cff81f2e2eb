namespace Orchestrator.Infrastructure.Persistence.Workflows;

/// <summary>A row per definition version; the definition itself is kept as its JSON.</summary>
public sealed class WorkflowDefinitionRecord
{
    public required string DefinitionId { get; init; }

    public required int Version { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    public bool IsPublished { get; set; }

    public bool HasTriggers { get; init; }

    public required string Json { get; init; }

    public required string Source { get; init; }

    public string? ContentHash { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
