using System.Text.Json.Nodes;

namespace Orchestrator.Workflows.Descriptors;

/// <summary>An activity input: its value type (<see cref="InputTypes"/>), how the designer edits it (<see cref="UiHints"/>),
/// whether it is required, its default and, for selects, the options.</summary>
public sealed record InputDescriptor(
    string Name,
    string Type,
    string UiHint,
    bool Required = false,
    JsonNode? Default = null,
    IReadOnlyList<string>? Options = null,
    string? Description = null);
