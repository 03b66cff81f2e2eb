namespace Orchestrator.Workflows.Definitions.Storage;

/// <summary>A definition at a glance: its latest version and the published one, if any.</summary>
public sealed record DefinitionSummary(string DefinitionId, string Name, string? Description, int LatestVersion, int? PublishedVersion, DateTimeOffset UpdatedAt);
