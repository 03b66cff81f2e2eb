using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Workflows.Descriptors;

namespace Orchestrator.Workflows.Validation;

/// <summary>Checks a literal input value against its descriptor's type and options.</summary>
internal static class LiteralTypes
{
    /// <returns>A message when the literal does not fit, otherwise null.</returns>
    public static string? Mismatch(InputDescriptor input, JsonNode literal)
    {
        var kind = literal.GetValueKind();
        var fits = input.Type switch
        {
            InputTypes.String => kind == JsonValueKind.String,
            InputTypes.Number => kind == JsonValueKind.Number,
            InputTypes.Boolean => kind is JsonValueKind.True or JsonValueKind.False,
            InputTypes.Array => kind == JsonValueKind.Array,
            InputTypes.Object => kind == JsonValueKind.Object,
            _ => true,
        };
        if (!fits)
        {
            return $"{input.Name} must be {Article(input.Type)} {input.Type.ToLowerInvariant()}; got {kind.ToString().ToLowerInvariant()} {Shorten(literal.ToJsonString())}.";
        }

        if (input.Options is { Count: > 0 } options && kind == JsonValueKind.String && !options.Contains(literal.GetValue<string>()))
        {
            return $"{input.Name} must be one of {string.Join(", ", options)}; got \"{literal.GetValue<string>()}\".";
        }

        // Read through the JSON text: a literal built in memory (JsonValue.Create(5L), as the designer does) is not
        // readable as a double the way a parsed one is.
        return kind == JsonValueKind.Number
            ? input.BoundViolation(double.Parse(literal.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture))
            : null;
    }

    private static string Article(string type) => type is InputTypes.Array or InputTypes.Object or InputTypes.Any ? "an" : "a";

    private static string Shorten(string json) => json.Length <= 40 ? json : json[..37] + "...";
}
