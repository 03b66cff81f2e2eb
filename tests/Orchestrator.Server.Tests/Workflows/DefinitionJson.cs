using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Tests.Shared;

namespace Orchestrator.Server.Tests.Workflows;

/// <summary>
/// Writes workflow definitions in the contract's JSON shape with little ceremony: activities as nodes, connections as
/// <c>"source -> target"</c> or <c>"source.Port -> target"</c>.
/// </summary>
public static class DefinitionJson
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>The Start node every flowchart begins with (id <c>start</c>).</summary>
    public static JsonObject Start => Node("start", "Start");

    public static JsonObject Expr(string expression) => new() { ["expr"] = expression };

    /// <summary>An activity node; <paramref name="inputs"/> and <paramref name="retry"/> are anonymous objects (use <see cref="Expr"/> for expressions).</summary>
    public static JsonObject Node(string id, string type, object? inputs = null, object? retry = null)
    {
        var node = new JsonObject { ["id"] = id, ["type"] = type };
        if (inputs is not null)
        {
            node["inputs"] = JsonSerializer.SerializeToNode(inputs, Web);
        }

        if (retry is not null)
        {
            node["retry"] = JsonSerializer.SerializeToNode(retry, Web);
        }

        return node;
    }

    /// <summary>A Log node whose message is the expression's value (its output <c>message</c> is kept in the journal).</summary>
    public static JsonObject Log(string id, string expression) => Node(id, "Log", new { message = Expr(expression) });

    public static JsonObject WaitFor(string id, string eventName) => Node(id, "WaitForEvent", new { eventName });

    public static JsonObject Decision(string id, string condition) => Node(id, "Decision", new { condition = Expr(condition) });

    public static JsonObject SetVariable(string id, string name, string expression) => Node(id, "SetVariable", new { name, value = Expr(expression) });

    /// <summary>A whole definition as JSON text.</summary>
    public static string Definition(string definitionId, JsonObject[] activities, string[] connections, object? variables = null, object? triggers = null,
        string? name = null)
    {
        var definition = new JsonObject
        {
            ["definitionId"] = definitionId,
            ["name"] = name ?? $"Test {definitionId}",
            ["root"] = new JsonObject
            {
                ["type"] = "Flowchart",
                ["activities"] = new JsonArray(activities.Select(a => (JsonNode?)a.DeepClone()).ToArray()),
                ["connections"] = new JsonArray(connections.Select(c => (JsonNode?)ConnectionShorthand.Parse(c)).ToArray()),
            },
        };
        if (variables is not null)
        {
            definition["variables"] = JsonSerializer.SerializeToNode(variables, Web);
        }

        if (triggers is not null)
        {
            definition["triggers"] = JsonSerializer.SerializeToNode(triggers, Web);
        }

        return definition.ToJsonString();
    }
}
