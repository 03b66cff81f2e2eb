namespace Orchestrator.Templating.Templates;

/// <summary>
/// The templates (Scriban over Markdown) that turn an incident into words: the shipped files, with the database's
/// copies winning, and the site's own. Saving refuses a template that does not parse, with line and column; rendering
/// runs in the sandbox, so a hostile or broken template stops with an error and nothing else.
/// </summary>
public sealed class TemplateLibrary(ITemplateStore store, ShippedTemplates shipped, TimeProvider clock)
{
    /// <summary>Longest template accepted.</summary>
    public const int MaxContentLength = 200_000;

    /// <summary>Templates loop over timelines, runs and alerts: more iterations than an expression needs, with the same
    /// time, recursion, string and output limits.</summary>
    private static readonly ScriptSandbox Sandbox = new(SandboxLimits.Default with { LoopLimit = 20_000 });

    /// <summary>Every template (shipped and stored), by name.</summary>
    public async Task<IReadOnlyList<TemplateInfo>> ListAsync(CancellationToken cancellationToken)
    {
        var stored = (await store.ListAsync(cancellationToken)).ToDictionary(t => t.Name, StringComparer.Ordinal);
        return shipped.All.Keys.Union(stored.Keys).Order(StringComparer.Ordinal)
            .Select(name => Combine(name, shipped.Find(name), stored.GetValueOrDefault(name)))
            .ToList();
    }

    /// <summary>The template; <see cref="TemplateNotFoundException"/> when there is none.</summary>
    public async Task<TemplateInfo> GetAsync(string name, CancellationToken cancellationToken) =>
        await FindAsync(name, cancellationToken) ?? throw new TemplateNotFoundException(name);

    /// <summary>The template, or null.</summary>
    public async Task<TemplateInfo?> FindAsync(string name, CancellationToken cancellationToken)
    {
        if (!TemplateNames.IsValid(name))
        {
            return null;
        }

        var stored = await store.FindAsync(name, cancellationToken);
        var file = shipped.Find(name);
        return stored is null && file is null ? null : Combine(name, file, stored);
    }

    /// <summary>Saves the template (a shipped one becomes overridden); refuses a bad name or content that does not parse.</summary>
    public async Task<TemplateInfo> SaveAsync(string name, string? content, string actor, CancellationToken cancellationToken)
    {
        TemplateNames.Check(name);
        var text = Check(content);
        await store.SaveAsync(new StoredTemplate(name, text, clock.GetUtcNow(), actor), cancellationToken);
        return await GetAsync(name, cancellationToken);
    }

    /// <summary>Removes the database copy: a shipped template goes back to its file (returned), a custom one is gone (null).</summary>
    public async Task<TemplateInfo?> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        if (!await store.DeleteAsync(name, cancellationToken) && shipped.Find(name) is null)
        {
            throw new TemplateNotFoundException(name);
        }

        return await FindAsync(name, cancellationToken);
    }

    /// <summary>Renders the named template over <paramref name="model"/>.</summary>
    public async Task<RenderedTemplate> RenderAsync(string name, IReadOnlyDictionary<string, object?> model, CancellationToken cancellationToken) =>
        Render((await GetAsync(name, cancellationToken)).Content, model, cancellationToken);

    /// <summary>Renders <paramref name="content"/> (e.g. an unsaved edit, for a preview). A template that does not parse
    /// or fails, or hits a sandbox limit, throws <see cref="InvalidTemplateException"/> with line and column.</summary>
    public static RenderedTemplate Render(string content, IReadOnlyDictionary<string, object?> model, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = Sandbox.Render(content, model, cancellationToken);
        }
        catch (ScriptException e)
        {
            throw new InvalidTemplateException("content", $"The template failed at {e.Error}", [e.Error]);
        }

        return new RenderedTemplate(text.Trim() + "\n", MarkdownHtml.Fragment(text));
    }

    /// <summary>The content if it can be saved: present, not too long, and parsing.</summary>
    public static string Check(string? content)
    {
        if (content is null)
        {
            throw new InvalidTemplateException("content", "content is required: the template's text (Markdown with {{ }} Scriban code).");
        }

        if (content.Length > MaxContentLength)
        {
            throw new InvalidTemplateException("content", $"content is {content.Length} characters; the limit is {MaxContentLength}.");
        }

        var errors = Sandbox.ValidateTemplate(content);
        return errors.Count == 0
            ? content.ReplaceLineEndings("\n")
            : throw new InvalidTemplateException("content", $"The template does not parse: {errors[0]}", errors);
    }

    private static TemplateInfo Combine(string name, string? file, StoredTemplate? stored) =>
        stored is null
            ? new TemplateInfo(name, file!, TemplateSource.Shipped, null, null, null)
            : new TemplateInfo(name, stored.Content, file is null ? TemplateSource.Custom : TemplateSource.Overridden, file, stored.UpdatedAt, stored.UpdatedBy);
}
