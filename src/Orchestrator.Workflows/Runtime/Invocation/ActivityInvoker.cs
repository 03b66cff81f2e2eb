using Microsoft.Extensions.Logging;
using Orchestrator.Templating;
using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Definitions;

namespace Orchestrator.Workflows.Runtime.Invocation;

/// <summary>
/// The one way an activity runs: builds its context (inputs, variables, identity, an <c>Evaluate</c> over the same scope
/// as its inputs), applies the time-out rule, and turns every way it can go wrong into one fault text. The turn runs
/// built-in activities through it, the action executor runs actions through it, and "try this action" runs one through it.
/// </summary>
public sealed class ActivityInvoker(TimeProvider clock, ILoggerFactory loggers)
{
    /// <summary>Outputs are kept with the run and shown in its journal: an action may return at most this much JSON.</summary>
    public const int MaxOutputCharacters = 256 * 1024;

    private readonly ILogger _logger = loggers.CreateLogger<ActivityInvoker>();

    /// <summary>How long an execution of <paramref name="node"/> may take: its <c>timeoutSeconds</c>, else
    /// <see cref="RuntimeOptions.DefaultActionTimeout"/> for an activity with side effects, else no limit.</summary>
    public static TimeSpan? TimeoutOf(ActivityNode node, IActivity activity) =>
        node.TimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds)
        : activity.Descriptor.HasSideEffects ? RuntimeOptions.DefaultActionTimeout
        : null;

    /// <summary>The fault text of an execution that ran out of time.</summary>
    public static string TimedOut(TimeSpan timeout) => $"Timed out after {timeout.TotalSeconds:0.###} s.";

    /// <summary>Runs the activity. Never throws except when <paramref name="cancellationToken"/> (the host stopping) is cancelled.</summary>
    public async Task<ActivityResult> InvokeAsync(ActivityInvocation invocation, CancellationToken cancellationToken)
    {
        var (activity, node) = (invocation.Activity, invocation.Node);
        var timeout = TimeoutOf(node, activity);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout is { } span)
        {
            limit.CancelAfter(span);
        }

        try
        {
            var inputs = invocation.Inputs ?? invocation.Scope.EvaluateInputs(node, activity.Descriptor, limit.Token);
            if (OutOfBounds(activity, inputs) is { } violation)
            {
                return ActivityResult.Fault(violation);
            }

            var context = new ActivityContext
            {
                Node = node,
                Inputs = inputs,
                Variables = invocation.Variables,
                InstanceId = invocation.Run.InstanceId,
                DefinitionId = invocation.Run.DefinitionId,
                DefinitionVersion = invocation.Run.DefinitionVersion,
                CorrelationId = invocation.Run.CorrelationId,
                Attempt = invocation.Attempt,
                ResumedDueAt = invocation.ResumedDueAt,
                Now = clock.GetUtcNow(),
                Logger = invocation.Logger ?? loggers.CreateLogger($"Orchestrator.Actions.{node.Type}"),
                Evaluate = expression => invocation.Scope.Evaluate(expression, limit.Token),
                CancellationToken = limit.Token,
            };
            var result = invocation.Resuming
                ? await activity.ResumeAsync(context, invocation.ResumePayload)
                : await activity.ExecuteAsync(context);
            return activity.Descriptor.HasSideEffects ? Checked(node, result) : result;
        }
        catch (InputEvaluationException e)
        {
            return ActivityResult.Fault(e.Message);
        }
        catch (ScriptException e)
        {
            return ActivityResult.Fault($"Expression failed at {e.Error}");
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return ActivityResult.Fault(TimedOut(timeout!.Value));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogWarning(e, "Activity {ActivityId} ({Type}) of instance {InstanceId} threw", node.Id, node.Type, invocation.Run.InstanceId);
            return ActivityResult.Fault($"{e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>A literal out of its input's bound is refused at save; an expression can only be checked now.</summary>
    private static string? OutOfBounds(IActivity activity, IReadOnlyDictionary<string, object?> inputs) =>
        activity.Descriptor.Inputs
            .Select(input => input.BoundViolation(inputs.GetValueOrDefault(input.Name)))
            .FirstOrDefault(violation => violation is not null);

    /// <summary>An action runs off the turn and its result is kept with the run: it must end, and with bounded outputs.</summary>
    private static ActivityResult Checked(ActivityNode node, ActivityResult result)
    {
        if (result.IsSuspended)
        {
            return ActivityResult.Fault("An action cannot suspend; it must return an outcome.");
        }

        var size = ScriptValues.ToJson(result.Outputs)?.ToJsonString().Length ?? 0;
        return size <= MaxOutputCharacters
            ? result
            : ActivityResult.Fault($"The outputs of {node.Type} are {size / 1024} KB of JSON; the limit is {MaxOutputCharacters / 1024} KB. Return less (e.g. only the fields later steps need).");
    }
}
