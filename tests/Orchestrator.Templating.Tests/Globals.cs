using System.Text.Json.Nodes;

namespace Orchestrator.Templating.Tests;

/// <summary>Builds the inputs the tests evaluate against.</summary>
internal static class Globals
{
    public static IReadOnlyDictionary<string, object?> Empty { get; } = new Dictionary<string, object?>();

    public static IReadOnlyDictionary<string, object?> Of(params (string Name, object? Value)[] values) =>
        values.ToDictionary(value => value.Name, value => value.Value);

    /// <summary>An Alertmanager-like alert as the workflow engine hands it over: plain dictionaries and lists.</summary>
    public static IReadOnlyDictionary<string, object?> AlertInput() => Of(
        ("input", new Dictionary<string, object?>
        {
            ["count"] = 5,
            ["alert"] = new Dictionary<string, object?>
            {
                ["labels"] = new Dictionary<string, object?> { ["severity"] = "critical", ["service"] = "checkout" },
                ["value"] = 97.5,
            },
            ["items"] = new List<object?> { "a", "b", "c" },
        }),
        ("variables", new Dictionary<string, object?> { ["name"] = "x", ["threshold"] = 3 }));

    public static JsonNode IncidentJson() => JsonNode.Parse("""
        {
          "title": "Checkout is down",
          "priority": 1,
          "impact": 1.5,
          "isMajor": true,
          "assignee": null,
          "tags": ["payments", "p1"],
          "caller": { "displayName": "Ada" }
        }
        """)!;
}
