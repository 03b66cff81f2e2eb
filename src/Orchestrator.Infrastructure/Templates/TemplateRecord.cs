namespace Orchestrator.Infrastructure.Templates;

/// <summary>A template kept in the database: an override of a shipped template, or the site's own.</summary>
public sealed class TemplateRecord
{
    public required string Name { get; init; }

    public required string Content { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }
}
