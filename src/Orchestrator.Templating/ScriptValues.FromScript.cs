using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orchestrator.Templating;

public static partial class ScriptValues
{
    /// <summary>
    /// Converts a script's value into plain .NET: null, string, bool, long (any integer), double, decimal,
    /// <see cref="DateTimeOffset"/>, <see cref="TimeSpan"/>, <see cref="List{T}"/> of object? and
    /// <see cref="Dictionary{TKey,TValue}"/> of string to object?. Plain values given to it are returned in the same shapes.
    /// </summary>
    /// <exception cref="ArgumentException">The value holds something with no plain form, such as a function, or refers to itself.</exception>
    public static object? FromScript(object? value) => FromScriptValue(value, 0);

    /// <summary>Converts a script's value (or a plain value) into JSON; dates are ISO 8601 strings, time spans "c"-formatted strings.</summary>
    /// <exception cref="ArgumentException">The value has no JSON form (a function, NaN or an infinity).</exception>
    public static JsonNode? ToJson(object? value) => ToJsonNode(FromScript(value));

    private static object? FromScriptValue(object? value, int depth)
    {
        EnsureDepth(depth);
        return value switch
        {
            null => null,
            string or bool or long or double or decimal or DateTimeOffset or TimeSpan => value,
            int or short or sbyte or byte or ushort or uint => Convert.ToInt64(value, CultureInfo.InvariantCulture),
            ulong u => u <= long.MaxValue ? (long)u : (decimal)u,
            BigInteger b => b >= long.MinValue && b <= long.MaxValue ? (long)b : (double)b,
            float f => (double)f,
            char c => c.ToString(),
            DateTime d => d.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(d, TimeSpan.Zero) : new DateTimeOffset(d),
            Guid g => g.ToString(),
            Enum e => e.ToString(),
            JsonNode or JsonElement => FromScriptValue(ToScriptValue(value, depth), depth),
            IDictionary<string, object?> map => ToDictionary(map, depth),
            IReadOnlyDictionary<string, object?> map => ToDictionary(map, depth),
            IDictionary map => ToDictionary(map, depth),
            IEnumerable items => ToList(items, depth),
            _ => throw new ArgumentException($"A value of type '{DescribeType(value)}' has no plain .NET form."),
        };
    }

    private static Dictionary<string, object?> ToDictionary(IEnumerable<KeyValuePair<string, object?>> entries, int depth)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, entry) in entries)
        {
            result[key] = FromScriptValue(entry, depth + 1);
        }

        return result;
    }

    private static Dictionary<string, object?> ToDictionary(IDictionary map, int depth)
    {
        var result = new Dictionary<string, object?>(map.Count, StringComparer.Ordinal);
        foreach (DictionaryEntry entry in map)
        {
            var key = entry.Key as string
                ?? throw new ArgumentException($"A dictionary with keys of type '{DescribeType(entry.Key)}' has no plain .NET form.");
            result[key] = FromScriptValue(entry.Value, depth + 1);
        }

        return result;
    }

    private static List<object?> ToList(IEnumerable items, int depth)
    {
        var result = new List<object?>();
        foreach (var item in items)
        {
            result.Add(FromScriptValue(item, depth + 1));
        }

        return result;
    }

    private static JsonNode? ToJsonNode(object? plain) => plain switch
    {
        null => null,
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        long l => JsonValue.Create(l),
        double d when double.IsFinite(d) => JsonValue.Create(d),
        double d => throw new ArgumentException($"The number {d.ToString(CultureInfo.InvariantCulture)} has no JSON form."),
        decimal m => JsonValue.Create(m),
        DateTimeOffset d => JsonValue.Create(d),
        TimeSpan t => JsonValue.Create(t.ToString("c", CultureInfo.InvariantCulture)),
        Dictionary<string, object?> map => new JsonObject(map.Select(entry => KeyValuePair.Create(entry.Key, ToJsonNode(entry.Value)))),
        List<object?> list => new JsonArray(list.Select(ToJsonNode).ToArray()),
        _ => throw new ArgumentException($"A value of type '{DescribeType(plain)}' has no JSON form."),
    };
}
