namespace Orchestrator.Templating.Templates;

/// <summary>A rendered template: its Markdown text and the same as an HTML fragment.</summary>
public sealed record RenderedTemplate(string Text, string Html);
