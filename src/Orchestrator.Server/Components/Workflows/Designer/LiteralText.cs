using System.Globalization;
using System.Text.Json.Nodes;
using Orchestrator.Workflows.Descriptors;

namespace Orchestrator.Server.Components.Workflows.Designer;

/// <summary>An input's literal as the property panel shows and reads it: strings as typed, numbers and booleans as
/// such, objects and arrays as JSON.</summary>
public static class LiteralText
{
    /// <summary>The text a field shows for <paramref name="literal"/>.</summary>
    public static string Format(JsonNode? literal) => literal switch
    {
        null => string.Empty,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => literal.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = literal is JsonObject or JsonArray }),
    };

    /// <summary>An input's literal from the text typed into the property panel, by the input's value type; null when
    /// the text is not such a value (the panel then says why next to the field).</summary>
    public static JsonNode? Parse(string type, string text, out string? error)
    {
        error = null;
        switch (type)
        {
            case InputTypes.String:
                return JsonValue.Create(text);
            case InputTypes.Number:
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    return number % 1 == 0 && Math.Abs(number) < long.MaxValue ? JsonValue.Create((long)number) : JsonValue.Create(number);
                }

                error = $"'{text}' is not a number.";
                return null;
            case InputTypes.Boolean:
                return JsonValue.Create(string.Equals(text, "true", StringComparison.OrdinalIgnoreCase));
            default:
                try
                {
                    return JsonNode.Parse(text);
                }
                catch (System.Text.Json.JsonException) when (type == InputTypes.Any)
                {
                    return JsonValue.Create(text); // Any: what is not JSON is a string
                }
                catch (System.Text.Json.JsonException e)
                {
                    error = $"Not valid JSON: {e.Message}";
                    return null;
                }
        }
    }
}
