namespace Orchestrator.Workflows.Definitions.Storage;

/// <summary>One stored version of a definition, with where it came from.</summary>
/// <param name="Definition">The definition with its version and published flag.</param>
/// <param name="CreatedAt">When this version was stored.</param>
/// <param name="Source">"api", or "file:&lt;relative path&gt;" for definitions loaded from workflows/.</param>
/// <param name="ContentHash">For file-loaded versions, the hash of the file's text, to notice edits on disk.</param>
public sealed record StoredDefinition(WorkflowDefinition Definition, DateTimeOffset CreatedAt, string Source, string? ContentHash);
