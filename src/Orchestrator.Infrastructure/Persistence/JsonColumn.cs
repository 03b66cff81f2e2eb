using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Orchestrator.Infrastructure.Persistence;

/// <summary>Stores a small dictionary as a JSON text column, compared by content.</summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static ValueConverter<TDictionary, string> Converter<TDictionary>()
        where TDictionary : class =>
        new(value => JsonSerializer.Serialize(value, Options), json => JsonSerializer.Deserialize<TDictionary>(json, Options)!);

    public static ValueComparer<TDictionary> Comparer<TDictionary, TKey, TValue>()
        where TDictionary : class, IEnumerable<KeyValuePair<TKey, TValue>> =>
        new(
            (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
            value => JsonSerializer.Serialize(value, Options).GetHashCode(StringComparison.Ordinal),
            value => JsonSerializer.Deserialize<TDictionary>(JsonSerializer.Serialize(value, Options), Options)!);
}
