using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orchestrator.Server.Api.Json;

/// <summary>The API's JSON conventions: camelCase names, enums as strings, nulls omitted.</summary>
public static class ApiJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new StrictEnumConverterFactory());
    }
}
