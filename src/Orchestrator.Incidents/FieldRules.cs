using Orchestrator.Incidents.Errors;

namespace Orchestrator.Incidents;

/// <summary>Checks shared by incident and problem fields; each failure names the field.</summary>
internal static class FieldRules
{
    public const int TitleMaxLength = 200;
    public const int ShortTextMaxLength = 100;
    public const int LongTextMaxLength = 32_000;

    public static string Title(string? value, string field = "title")
    {
        var title = value?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            throw new InvalidFieldException(field, $"{field} is required.");
        }

        return title.Length <= TitleMaxLength
            ? title
            : throw new InvalidFieldException(field, $"{field} is longer than {TitleMaxLength} characters.");
    }

    /// <summary>Trims; empty becomes null; too long is rejected.</summary>
    public static string? Optional(string? value, string field, int maxLength = ShortTextMaxLength)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return text.Length <= maxLength
            ? text
            : throw new InvalidFieldException(field, $"{field} is longer than {maxLength} characters.");
    }

    public static string Required(string? value, string field, int maxLength = LongTextMaxLength) =>
        Optional(value, field, maxLength) ?? throw new InvalidFieldException(field, $"{field} is required.");

    public static int Level(int value, string field) =>
        Priority.PriorityMatrix.IsLevel(value)
            ? value
            : throw new InvalidFieldException(field, value == 0
                ? $"{field} is missing (or 0): it must be 1 (high), 2 (medium) or 3 (low)."
                : $"{field} must be 1 (high), 2 (medium) or 3 (low); got {value}.");
}
