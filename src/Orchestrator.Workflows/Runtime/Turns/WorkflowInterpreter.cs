using Microsoft.Extensions.Logging;
using Orchestrator.Templating;
using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Definitions;
using Orchestrator.Workflows.Runtime.Instances;
using Orchestrator.Workflows.Runtime.Invocation;

namespace Orchestrator.Workflows.Runtime.Turns;

/// <summary>
/// Runs one turn of an instance: applies its inbox messages (resume, cancel, retry), then drains the work queue until
/// nothing is left to do now or the run faults. Pure with respect to storage: the caller loads and commits.
/// </summary>
public sealed class WorkflowInterpreter(IActivityRegistry registry, ActivityInvoker invoker, ScriptSandbox sandbox, TimeProvider clock, ILogger<WorkflowInterpreter> logger)
{
    /// <summary>A turn stops after this many activity executions; the rest runs in the next turn.</summary>
    public const int MaxStepsPerTurn = 10_000;

    public async Task<TurnResult> RunTurnAsync(
        WorkflowInstance instance,
        WorkflowDefinition definition,
        IReadOnlyList<InboxMessage> messages,
        IReadOnlyDictionary<string, object?>? scopeExtras,
        CancellationToken cancellationToken)
    {
        var turn = new WorkflowTurn(instance, definition, registry, invoker, ScopeOf(instance, scopeExtras), clock, logger);
        foreach (var message in messages)
        {
            turn.Apply(message);
        }

        await turn.DrainAsync(MaxStepsPerTurn, cancellationToken);
        turn.Settle();
        return turn.Result;
    }

    /// <summary>What the run's expressions see now, with the host-promoted scopes.</summary>
    public ExpressionScope ScopeOf(WorkflowInstance instance, IReadOnlyDictionary<string, object?>? scopeExtras) =>
        new(sandbox, instance, scopeExtras);

    /// <summary>A new instance positioned at the Start activity, with variables at their defaults.</summary>
    public static WorkflowInstance NewInstance(WorkflowDefinition definition, string instanceId, System.Text.Json.Nodes.JsonObject? input, string? correlationId,
        DateTimeOffset now, string? parentInstanceId = null, string? parentBookmarkId = null, string? trigger = null)
    {
        var start = definition.Root.Activities.First(a => a.Type == Activities.ControlFlow.StartActivity.TypeName);
        var instance = new WorkflowInstance
        {
            Id = instanceId,
            DefinitionId = definition.DefinitionId,
            DefinitionVersion = definition.Version,
            CorrelationId = correlationId,
            ParentInstanceId = parentInstanceId,
            ParentBookmarkId = parentBookmarkId,
            Trigger = trigger,
            Input = input ?? [],
            CreatedAt = now,
            UpdatedAt = now,
            Status = WorkflowStatus.Running,
        };
        foreach (var variable in definition.Variables)
        {
            instance.Variables[variable.Name] = variable.Default is null ? null : ScriptValues.FromScript(ScriptValues.ToScript(variable.Default));
        }

        instance.Attempts[start.Id] = 1;
        instance.Queue.Add(new WorkItem(start.Id, 1));
        return instance;
    }
}
