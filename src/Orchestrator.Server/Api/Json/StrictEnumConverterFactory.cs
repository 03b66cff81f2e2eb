using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orchestrator.Server.Api.Json;

/// <summary>
/// Enums travel as their names. Reading accepts any letter case but never numbers, and an unknown name fails with
/// a message listing the accepted ones (the API turns it into a 400 naming the JSON path).
/// </summary>
public sealed class StrictEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(StrictEnumConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class StrictEnumConverter<TEnum> : JsonConverter<TEnum>
        where TEnum : struct, Enum
    {
        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            if (reader.TokenType == JsonTokenType.String && EnumText.TryParse<TEnum>(text, out var value))
            {
                return value;
            }

            var shown = text is null ? $"a JSON {reader.TokenType.ToString().ToLowerInvariant()}" : $"'{text}'";
            throw new JsonException($"{shown} is not a valid {typeof(TEnum).Name}: use one of {EnumText.Names<TEnum>()}.");
        }

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString());

        public override TEnum ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            EnumText.TryParse<TEnum>(reader.GetString(), out var value)
                ? value
                : throw new JsonException($"'{reader.GetString()}' is not a valid {typeof(TEnum).Name}.");

        public override void WriteAsPropertyName(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            writer.WritePropertyName(value.ToString());
    }
}
