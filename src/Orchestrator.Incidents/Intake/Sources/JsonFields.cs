using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Incidents.Errors;

namespace Orchestrator.Incidents.Intake.Sources;

/// <summary>Reads optional typed fields from posted JSON; a field of the wrong type throws naming its path.</summary>
internal static class JsonFields
{
    public static string? Text(JsonObject obj, string name, string path)
    {
        var node = obj[name];
        if (node is null)
        {
            return null;
        }

        return node is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : throw new InvalidFieldException(Join(path, name), $"{Join(path, name)} must be a string.");
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

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            throw new InvalidFieldException(Join(path, name), $"{Join(path, name)} '{text}' is not a date and time (RFC 3339, e.g. 2026-11-27T10:00:00Z).");
        }

        return time.Year <= 1 ? null : time.ToUniversalTime();
    }

    public static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
