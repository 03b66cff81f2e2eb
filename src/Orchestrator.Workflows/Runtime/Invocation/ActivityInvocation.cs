using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Definitions;
using Orchestrator.Workflows.Runtime.Instances;

namespace Orchestrator.Workflows.Runtime.Invocation;

/// <summary>One execution (or resumption) of one activity, as <see cref="ActivityInvoker"/> runs it — on an instance's
/// turn, off it for an action, or outside any workflow when a plugin author tries an action.</summary>
public sealed record ActivityInvocation
{
    public required IActivity Activity { get; init; }

    public required ActivityNode Node { get; init; }

    /// <summary>What the node's expressions (and the activity's <see cref="ActivityContext.Evaluate"/>) see.</summary>
    public required ExpressionScope Scope { get; init; }

    /// <summary>Inputs already evaluated (an action's, evaluated when its branch reached it); null evaluates the node's inputs in <see cref="Scope"/>.</summary>
    public IReadOnlyDictionary<string, object?>? Inputs { get; init; }

    /// <summary>The run's variables, which the activity may change.</summary>
    public required IDictionary<string, object?> Variables { get; init; }

    /// <summary>The run the activity belongs to (for an action tried on its own, a stand-in).</summary>
    public required RunIdentity Run { get; init; }

    public int Attempt { get; init; } = 1;

    /// <summary>True when a bookmark of this activity is resumed with <see cref="ResumePayload"/>.</summary>
    public bool Resuming { get; init; }

    public JsonNode? ResumePayload { get; init; }

    /// <summary>When resuming: the due time of the wait that was resumed.</summary>
    public DateTimeOffset? ResumedDueAt { get; init; }

    /// <summary>Where the activity logs; null gives it the host's logger for its type.</summary>
    public ILogger? Logger { get; init; }
}

/// <summary>Which run an activity executes in: what its context and idempotency key are made of.</summary>
public sealed record RunIdentity(string InstanceId, string DefinitionId, int DefinitionVersion, string? CorrelationId)
{
    public static RunIdentity Of(WorkflowInstance instance) =>
        new(instance.Id, instance.DefinitionId, instance.DefinitionVersion, instance.CorrelationId);
}
