using System.Text.Json.Nodes;

namespace Orchestrator.Workflows.Definitions;

/// <summary>A workflow variable with its type (<c>String</c>, <c>Number</c>, <c>Boolean</c>, <c>Object</c>, <c>Array</c> or <c>Any</c>) and initial value.</summary>
public sealed record VariableDefinition(string Name, string Type = "Any", JsonNode? Default = null);
