using System.Text.Json.Nodes;
using Orchestrator.Workflows.Definitions;

namespace Orchestrator.Workflows.Runtime;

/// <summary>An activity with side effects to run off the instance's turn, with its evaluated inputs and a snapshot of the variables.</summary>
public sealed record ActionRequest(
    string InstanceId,
    string BookmarkId,
    string DefinitionId,
    int DefinitionVersion,
    string? CorrelationId,
    ActivityNode Node,
    int Attempt,
    JsonObject Inputs,
    JsonObject Variables);
