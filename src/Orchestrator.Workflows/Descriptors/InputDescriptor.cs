using System.Text.Json.Nodes;

namespace Orchestrator.Workflows.Descriptors;

/// <summary>An activity input: its value type (<see cref="InputTypes"/>), how the designer edits it (<see cref="UiHints"/>),
/// whether it is required, its default, for selects the options, and for numbers a bound the value must exceed
/// (<see cref="GreaterThan"/>: checked at save for a literal, when the step runs for an expression).</summary>
public sealed record InputDescriptor(
    string Name,
    string Type,
    string UiHint,
    bool Required = false,
    JsonNode? Default = null,
    IReadOnlyList<string>? Options = null,
    string? Description = null,
    double? GreaterThan = null)
{
    /// <summary>Why <paramref name="value"/> (a plain .NET value, as inputs are evaluated) breaks this input's bound;
    /// null when it keeps it or the input has none. Null values are the required-rule's business, not this one's.</summary>
    public string? BoundViolation(object? value)
    {
        if (GreaterThan is not { } bound || value is null)
        {
            return null;
        }

        double? number = value switch
        {
            long l => l,
            int i => i,
            double d => d,
            decimal m => (double)m,
            _ => null,
        };
        return number is { } n && double.IsFinite(n) && n > bound
            ? null
            : $"{Name} must be a number more than {bound}; got {Shown(value)}.";
    }

    private static string Shown(object value) => value switch
    {
        string s => $"the string \"{s}\"",
        double or long or int or decimal => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!,
        _ => $"{System.Text.Json.JsonSerializer.Serialize(value)}",
    };
}
