using System.Text.Json;

namespace Orchestrator.Server.Components.Runs;

/// <summary>Values shown as indented JSON in the run pages.</summary>
public static class Json
{
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string Show(object? value) => value is null ? "null" : JsonSerializer.Serialize(value, Indented);
}
