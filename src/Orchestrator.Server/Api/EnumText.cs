using Orchestrator.Incidents.Errors;

namespace Orchestrator.Server.Api;

/// <summary>Parses enum names from routes and query strings the same way the JSON body does: by name, any case, never numbers.</summary>
internal static class EnumText
{
    public static bool TryParse<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        return !string.IsNullOrWhiteSpace(text) && !int.TryParse(text, out _)
            && Enum.TryParse(text.Trim(), ignoreCase: true, out value) && Enum.IsDefined(value);
    }

    public static TEnum Parse<TEnum>(string? text, string field)
        where TEnum : struct, Enum =>
        TryParse<TEnum>(text, out var value)
            ? value
            : throw new InvalidFieldException(field, $"'{text}' is not a valid {field}: use one of {Names<TEnum>()}.");

    public static string Names<TEnum>()
        where TEnum : struct, Enum => string.Join(", ", Enum.GetNames<TEnum>());
}
