using System.Text.Json.Nodes;
using Orchestrator.Workflows.Definitions;

namespace Orchestrator.Workflows.Runtime.Invocation;

/// <summary>An activity with side effects to run off the instance's turn: its inputs as evaluated when its branch
/// reached it, and the run's expression scope as it was then (what its <c>Evaluate</c> sees).</summary>
public sealed record ActionRequest(
    RunIdentity Run,
    string BookmarkId,
    ActivityNode Node,
    int Attempt,
    JsonObject Inputs,
    ExpressionScope Scope);
