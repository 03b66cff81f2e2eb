using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Incidents.Errors;

namespace Orchestrator.Incidents.Intake.Sources;

/// <summary>Reads optional typed fields from posted JSON; a field of the wrong type throws naming its path.</summary>
internal static class JsonFields
{
    public static string? Text(JsonObject obj, string name, string path) =>
        TryText(obj, name, out var text) ? text : throw new InvalidFieldException(Join(path, name), $"{Join(path, name)} must be a string.");

    /// <summary>The string at <paramref name="name"/> (null when absent or JSON null); false when it holds another type.</summary>
    public static bool TryText(JsonObject obj, string name, out string? text)
    {
        text = null;
        switch (obj[name])
        {
            case null:
                return true;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                text = value.GetValue<string>();
                return true;
            default:
                return false;
        }
    }

    /// <summary>Reads an ISO 8601 / RFC 3339 date and time, as UTC; a time without an offset is taken as UTC.</summary>
    public static bool TryParseTime(string text, out DateTimeOffset time)
    {
        var parsed = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time);
        time = time.ToUniversalTime();
        return parsed;
    }

    public static JsonObject? Object(JsonObject obj, string name, string path) =>
        obj[name] switch
        {
            null => null,
            JsonObject o => o,
            _ => throw new InvalidFieldException(Join(path, name), $"{Join(path, name)} must be an object."),
        };

    public static JsonArray? Array(JsonObject obj, string name, string path) =>
        obj[name] switch
        {
            null => null,
            JsonArray a => a,
            _ => throw new InvalidFieldException(Join(path, name), $"{Join(path, name)} must be an array."),
        };

    /// <summary>An object whose values are all strings (labels, annotations).</summary>
    public static Dictionary<string, string> StringMap(JsonObject obj, string name, string path)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, node) in Object(obj, name, path) ?? [])
        {
            map[key] = node is JsonValue value && value.GetValueKind() == JsonValueKind.String
                ? value.GetValue<string>()
                : throw new InvalidFieldException($"{Join(path, name)}.{key}", $"{Join(path, name)}.{key} must be a string.");
        }

        return map;
    }

    /// <summary>An RFC 3339 time; Alertmanager's "0001-01-01T00:00:00Z" (not set) reads as null.</summary>
    public static DateTimeOffset? Time(JsonObject obj, string name, string path)
    {
        var text = Text(obj, name, path);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (!TryParseTime(text, out var time))
        {
            throw new InvalidFieldException(Join(path, name), $"{Join(path, name)} '{text}' is not a date and time (RFC 3339, e.g. 2026-11-27T10:00:00Z).");
        }

        return time.Year <= 1 ? null : time;
    }

    public static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
