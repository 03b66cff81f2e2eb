namespace Orchestrator.Templating.Templates;

/// <summary>A template kept in the database (an override of a shipped one, or a custom one).</summary>
public sealed record StoredTemplate(string Name, string Content, DateTimeOffset UpdatedAt, string UpdatedBy);
