using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orchestrator.Workflows.Definitions;

/// <summary>The JSON form of definitions (camelCase, as in CONTRACT.md): used by the API, the files in workflows/ and the store.</summary>
public static class WorkflowJson
{
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    public static string Serialize(WorkflowDefinition definition, bool indented = false) =>
        JsonSerializer.Serialize(definition, indented ? Indented : Options);

    /// <summary>Reads a definition; malformed JSON throws <see cref="JsonException"/> with the path.</summary>
    public static WorkflowDefinition Deserialize(string json) =>
        JsonSerializer.Deserialize<WorkflowDefinition>(json, Options) ?? throw new JsonException("The definition is empty (null).");

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
