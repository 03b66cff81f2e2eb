using System.Text.Json.Nodes;

namespace Orchestrator.Workflows.Activities.ControlFlow;

/// <summary>Reads Switch's <c>cases</c> input, both as JSON (validation) and as evaluated values (runtime).</summary>
internal static class SwitchCases
{
    public static IReadOnlyList<(string Name, string Condition)> Read(object? cases) =>
        cases is IEnumerable<object?> list
            ? list.Select(c => c is IReadOnlyDictionary<string, object?> d
                    ? (Text(d, "name"), Text(d, "condition"))
                    : throw new InvalidOperationException("Each case is an object { name, condition }."))
                .ToList()
            : throw new InvalidOperationException("cases must be an array of { name, condition }.");

    /// <summary>The case names and conditions of a literal <c>cases</c> input, or an error message.</summary>
    public static (IReadOnlyList<(string Name, string Condition)> Cases, string? Error) Read(JsonNode? cases)
    {
        if (cases is not JsonArray array)
        {
            return ([], "cases must be an array of { \"name\": …, \"condition\": … }.");
        }

        var result = new List<(string, string)>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject item
                || item["name"] is not JsonValue nameValue || !nameValue.TryGetValue<string>(out var name) || string.IsNullOrWhiteSpace(name)
                || item["condition"] is not JsonValue conditionValue || !conditionValue.TryGetValue<string>(out var condition) || string.IsNullOrWhiteSpace(condition))
            {
                return ([], $"case {i + 1} needs a non-empty \"name\" and a \"condition\" expression.");
            }

            result.Add((name, condition));
        }

        return (result, null);
    }

    private static string Text(IReadOnlyDictionary<string, object?> item, string key) =>
        item.TryGetValue(key, out var value) && value is string text ? text : throw new InvalidOperationException($"Each case needs a \"{key}\".");
}
