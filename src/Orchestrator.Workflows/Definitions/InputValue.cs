using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Orchestrator.Workflows.Definitions;

/// <summary>
/// An activity input: a JSON literal, or a Scriban expression written as <c>{ "expr": "..." }</c> and evaluated when the
/// activity runs.
/// </summary>
[JsonConverter(typeof(InputValueJsonConverter))]
public sealed record InputValue
{
    private InputValue(JsonNode? literal, string? expression)
    {
        Literal = literal;
        Expression = expression;
    }

    /// <summary>The literal value, when this input is not an expression.</summary>
    public JsonNode? Literal { get; }

    /// <summary>The expression text, when this input is an expression.</summary>
    public string? Expression { get; }

    public bool IsExpression => Expression is not null;

    public static InputValue Of(JsonNode? literal) => new(literal?.DeepClone(), null);

    public static InputValue Expr(string expression) => new(null, expression);

    public bool Equals(InputValue? other) =>
        other is not null && Expression == other.Expression && JsonNode.DeepEquals(Literal, other.Literal);

    public override int GetHashCode() => HashCode.Combine(Expression, Literal?.GetValueKind());

    private sealed class InputValueJsonConverter : JsonConverter<InputValue>
    {
        public override bool HandleNull => true;

        public override InputValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var node = JsonNode.Parse(ref reader);
            if (node is JsonObject obj && obj.Count == 1 && obj.TryGetPropertyValue("expr", out var expr))
            {
                return expr is JsonValue value && value.TryGetValue<string>(out var text)
                    ? Expr(text)
                    : throw new JsonException("\"expr\" must be a string holding a Scriban expression.");
            }

            return new InputValue(node, null);
        }

        public override void Write(Utf8JsonWriter writer, InputValue value, JsonSerializerOptions options)
        {
            if (value.Expression is not null)
            {
                writer.WriteStartObject();
                writer.WriteString("expr", value.Expression);
                writer.WriteEndObject();
            }
            else if (value.Literal is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                value.Literal.WriteTo(writer, options);
            }
        }
    }
}
