using System.Text.RegularExpressions;

namespace Orchestrator.Templating.Templates;

/// <summary>Template names: lower-case letters, digits and hyphens, as they appear in URLs and workflow inputs.</summary>
public static partial class TemplateNames
{
    /// <summary>Longest name.</summary>
    public const int MaxLength = 64;

    /// <summary>Whether <paramref name="name"/> is a template name.</summary>
    public static bool IsValid(string? name) => name is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(name);

    /// <summary>The name, or <see cref="InvalidTemplateException"/> naming <c>name</c>.</summary>
    public static string Check(string? name) => IsValid(name)
        ? name!
        : throw new InvalidTemplateException("name",
            $"'{name}' is not a template name: use 1–{MaxLength} lower-case letters, digits and hyphens, starting with a letter or digit (e.g. customer-new).");

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex Pattern();
}
