namespace Orchestrator.Templating.Templates;

/// <summary>A template as it is used now: its content, where that comes from, and (when overridden) the shipped text.</summary>
public sealed record TemplateInfo(string Name, string Content, TemplateSource Source, string? ShippedContent, DateTimeOffset? UpdatedAt, string? UpdatedBy)
{
    /// <summary>The first Markdown heading, or the first line: what the list shows beside the name.</summary>
    public string Title => Content.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.StartsWith("{{", StringComparison.Ordinal))
        ?.TrimStart('#', ' ') ?? Name;
}
