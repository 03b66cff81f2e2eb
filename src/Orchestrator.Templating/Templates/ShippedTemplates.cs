namespace Orchestrator.Templating.Templates;

/// <summary>
/// The templates shipped as files: every <c>&lt;name&gt;.md</c> of the templates folder (<c>workflows/templates/</c>),
/// read once at start-up. The file is the default; an edit in the UI is kept in the database and wins.
/// </summary>
public sealed class ShippedTemplates
{
    /// <summary>The templates the product ships; their names are public (CONTRACT.md "Templates and reports").</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["customer-new", "customer-update", "customer-resolved", "stakeholder-update", "closure-report", "post-incident-review"];

    private readonly Dictionary<string, string> _byName;

    /// <summary>Reads the templates of <paramref name="directory"/>; none when it is null or absent.</summary>
    public ShippedTemplates(string? directory)
    {
        _byName = new Dictionary<string, string>(StringComparer.Ordinal);
        if (directory is null || !Directory.Exists(directory))
        {
            return;
        }

        foreach (var path in Directory.EnumerateFiles(directory, "*.md").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (TemplateNames.IsValid(name))
            {
                _byName[name] = File.ReadAllText(path).ReplaceLineEndings("\n");
            }
        }
    }

    /// <summary>Every shipped template's content by name.</summary>
    public IReadOnlyDictionary<string, string> All => _byName;

    /// <summary>The shipped content of <paramref name="name"/>, or null.</summary>
    public string? Find(string name) => _byName.GetValueOrDefault(name);
}
