namespace Orchestrator.Templating.Templates;

/// <summary>Where a template's current content comes from.</summary>
public enum TemplateSource
{
    /// <summary>A file of <c>workflows/templates/</c>, as shipped or as the site edited the file.</summary>
    Shipped,

    /// <summary>A shipped template edited in the UI or the API: the database copy wins; deleting it restores the file's.</summary>
    Overridden,

    /// <summary>A template that exists only in the database.</summary>
    Custom,
}
