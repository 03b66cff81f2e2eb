using System.Collections;
using System.Text.Json;
using System.Text.Json.Nodes;
using Scriban.Runtime;

namespace Orchestrator.Templating;

public static partial class ScriptValues
{
    /// <summary>
    /// Converts a .NET value into what a script may see: <see cref="ScriptObject"/>, <see cref="ScriptArray"/>, string, bool,
    /// int, long, double, decimal, <see cref="DateTime"/> (UTC, from a <see cref="DateTimeOffset"/>) or <see cref="TimeSpan"/>.
    /// GUIDs, enums and URIs become strings; JSON numbers become long or double; dictionary and JSON keys are kept as given.
    /// </summary>
    /// <exception cref="ArgumentException">The value (or something inside it) is of another type, such as a class with
    /// properties, or it is nested too deeply.</exception>
    public static object? ToScript(object? value) => ToScriptValue(value, 0);

    /// <summary>Builds the top-level variables of one run.</summary>
    internal static ScriptObject ToGlobals(IReadOnlyDictionary<string, object?> values)
    {
        var globals = new ScriptObject(values.Count);
        foreach (var (name, value) in values)
        {
            globals[name] = ToScriptValue(value, 1);
        }

        return globals;
    }

    private static object? ToScriptValue(object? value, int depth)
    {
        EnsureDepth(depth);
        return value switch
        {
            null => null,
            string or bool or int or long or double or decimal or DateTime or TimeSpan => value,
            char c => c.ToString(),
            sbyte or byte or short or ushort => Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture),
            uint u => (long)u,
            ulong u => u <= long.MaxValue ? (long)u : (decimal)u,
            float f => (double)f,
            DateTimeOffset d => d.UtcDateTime,
            Guid g => g.ToString(),
            Enum e => e.ToString(),
            Uri u => u.ToString(),
            JsonNode node => FromJsonNode(node, depth),
            JsonElement element => FromJsonElement(element, depth),
            IReadOnlyDictionary<string, object?> map => ToScriptObject(map, depth),
            IDictionary<string, object?> map => ToScriptObject(map, depth),
            IDictionary map => ToScriptObject(map, depth),
            IEnumerable items => ToScriptArray(items, depth),
            _ => throw new ArgumentException(
                $"A value of type '{DescribeType(value)}' cannot be exposed to scripts: pass primitives, dictionaries, lists or JSON."),
        };
    }

    private static ScriptObject ToScriptObject(IEnumerable<KeyValuePair<string, object?>> entries, int depth)
    {
        var result = new ScriptObject();
        foreach (var (key, entry) in entries)
        {
            result[key] = ToScriptValue(entry, depth + 1);
        }

        return result;
    }

    private static ScriptObject ToScriptObject(IDictionary map, int depth)
    {
        var result = new ScriptObject(map.Count);
        foreach (DictionaryEntry entry in map)
        {
            if (entry.Key is not string key)
            {
                throw new ArgumentException(
                    $"A dictionary with keys of type '{DescribeType(entry.Key)}' cannot be exposed to scripts: keys must be strings.");
            }

            result[key] = ToScriptValue(entry.Value, depth + 1);
        }

        return result;
    }

    private static ScriptArray ToScriptArray(IEnumerable items, int depth)
    {
        var result = new ScriptArray();
        foreach (var item in items)
        {
            result.Add(ToScriptValue(item, depth + 1));
        }

        return result;
    }

    private static object? FromJsonNode(JsonNode node, int depth)
    {
        EnsureDepth(depth);
        switch (node)
        {
            case JsonObject obj:
                var result = new ScriptObject(obj.Count);
                foreach (var (key, property) in obj)
                {
                    result[key] = property is null ? null : FromJsonNode(property, depth + 1);
                }

                return result;
            case JsonArray array:
                var items = new ScriptArray(array.Count);
                foreach (var item in array)
                {
                    items.Add(item is null ? null : FromJsonNode(item, depth + 1));
                }

                return items;
            default:
                if (node.AsValue().TryGetValue<JsonElement>(out var element))
                {
                    return FromJsonElement(element, depth);
                }

                // A value built from a CLR object: its JSON text gives the same view a parsed document would.
                using (var document = JsonDocument.Parse(node.ToJsonString()))
                {
                    return FromJsonElement(document.RootElement, depth);
                }
        }
    }

    private static object? FromJsonElement(JsonElement element, int depth)
    {
        EnsureDepth(depth);
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var result = new ScriptObject();
                foreach (var property in element.EnumerateObject())
                {
                    result[property.Name] = FromJsonElement(property.Value, depth + 1);
                }

                return result;
            case JsonValueKind.Array:
                var items = new ScriptArray(element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                {
                    items.Add(FromJsonElement(item, depth + 1));
                }

                return items;
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Number:
                // Boxed apart: a conditional expression would widen the long to double.
                return element.TryGetInt64(out var integer) ? (object)integer : element.GetDouble();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                return null;
        }
    }
}
