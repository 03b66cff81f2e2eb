using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Orchestrator.Templating;
using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Activities.ControlFlow;
using Orchestrator.Workflows.Definitions;
using Orchestrator.Workflows.Definitions.Storage;
using Orchestrator.Workflows.Runtime.Signals;
using Orchestrator.Workflows.Runtime.Storage;
using Orchestrator.Workflows.Runtime.Dispatch;
using Orchestrator.Workflows.Runtime.Events;
using Orchestrator.Workflows.Runtime.Instances;
using Orchestrator.Workflows.Runtime.Invocation;
using Orchestrator.Workflows.Runtime.Turns;

namespace Orchestrator.Workflows.Runtime;

/// <summary>
/// What people and systems do to runs: start, cancel, retry from the failed step, send events (which resume waits and
/// start triggered workflows) and decide approvals.
/// </summary>
public sealed class WorkflowOperations(
    IWorkflowRunInbox inbox,
    IWorkflowRunQueries queries,
    IWorkflowDefinitionStore definitions,
    WorkflowRunner runner,
    WorkflowDispatcher dispatcher,
    ScriptSandbox sandbox,
    TriggerFailures triggerFailures,
    RuntimeOptions options,
    TimeProvider clock,
    ILogger<WorkflowOperations> logger)
{
    /// <summary>Longest event name, correlation id and delivery id the store keeps.</summary>
    public const int MaxKeyLength = 200;

    /// <summary>Starts a run of the published version, or of <paramref name="version"/> (a draft, to test it).</summary>
    public Task<WorkflowInstance> RunAsync(string definitionId, JsonObject? input, string? correlationId, CancellationToken cancellationToken, int? version = null)
    {
        CheckLength("correlationId", correlationId);
        return runner.StartAsync(definitionId, input, correlationId, cancellationToken, version);
    }

    public async Task CancelAsync(string instanceId, CancellationToken cancellationToken)
    {
        var instance = await GetAsync(instanceId, cancellationToken);
        if (instance.IsFinal)
        {
            throw new WorkflowInstanceStateException($"Run {instanceId} is {instance.Status} and cannot be cancelled.", instance.Status.ToString());
        }

        await PostAsync(instanceId, InboxMessageKind.Cancel, cancellationToken);
    }

    public async Task RetryAsync(string instanceId, CancellationToken cancellationToken)
    {
        var instance = await GetAsync(instanceId, cancellationToken);
        if (instance.Status != WorkflowStatus.Faulted)
        {
            throw new WorkflowInstanceStateException($"Run {instanceId} is {instance.Status}; only Faulted runs can be retried.", instance.Status.ToString());
        }

        await PostAsync(instanceId, InboxMessageKind.Retry, cancellationToken);
    }

    public async Task<WorkflowInstance> GetAsync(string instanceId, CancellationToken cancellationToken) =>
        await queries.GetAsync(instanceId, cancellationToken) ?? throw new WorkflowInstanceNotFoundException($"No workflow run '{instanceId}'.");

    /// <summary>Resumes the Event bookmarks waiting for <paramref name="name"/> with this correlation, starts the published
    /// workflows whose triggers match, and keeps the event for a while when neither happened.</summary>
    public async Task<EventResult> SendEventAsync(string name, string? correlationId, JsonNode? payload, string? deliveryId, CancellationToken cancellationToken) =>
        (await SendEventsAsync([new Stimulus(name, correlationId, payload, deliveryId)], cancellationToken))[0];

    /// <summary>Sends several events, in order: their deliveries commit in one transaction (far cheaper than one by
    /// one), then the runs they trigger start. One result per event.</summary>
    public async Task<IReadOnlyList<EventResult>> SendEventsAsync(IReadOnlyList<Stimulus> stimuli, CancellationToken cancellationToken)
    {
        foreach (var stimulus in stimuli)
        {
            CheckLength("name", stimulus.Name);
            CheckLength("correlationId", stimulus.CorrelationId);
            CheckLength("deliveryId", stimulus.DeliveryId);
        }

        // Decide the triggers first: an event that starts a run is not also kept for that run's own waits.
        var withTriggers = await definitions.GetPublishedWithTriggersAsync(cancellationToken);
        var failures = stimuli.Select(_ => new List<TriggerFailure>()).ToList();
        var triggered = stimuli.Select((s, i) => MatchingTriggers(withTriggers, s, failures[i], cancellationToken)).ToList();
        var keepUntil = clock.GetUtcNow() + options.KeepUnmatchedEventsFor;
        var deliveries = await inbox.DeliverEventsAsync(
            stimuli.Select((s, i) => new EventToDeliver(s, triggered[i].Count == 0 && s.KeepUnmatched ? keepUntil : null, StartsRuns: triggered[i].Count > 0)).ToList(),
            cancellationToken);

        var results = new List<EventResult>(stimuli.Count);
        for (var i = 0; i < stimuli.Count; i++)
        {
            var (stimulus, delivery) = (stimuli[i], deliveries[i]);
            var exactlyOnce = stimulus is { DeliveryId: not null, OccurredAt: not null };
            if (delivery.Duplicate && !(exactlyOnce && triggered[i].Count > 0))
            {
                results.Add(EventResult.DuplicateDelivery);
                continue;
            }

            foreach (var instanceId in delivery.ResumedInstances)
            {
                dispatcher.Enqueue(instanceId);
            }

            // A repeated outbox event starts only the runs its first delivery did not (a crash came between the two).
            var started = new List<StartedRun>();
            foreach (var definition in triggered[i])
            {
                var input = stimulus.Payload is JsonObject obj ? obj.DeepClone().AsObject() : new JsonObject { ["payload"] = stimulus.Payload?.DeepClone() };
                var run = exactlyOnce
                    ? await runner.StartOnceAsync(definition, TriggeredRunIds.For(stimulus.DeliveryId!, definition.DefinitionId, stimulus.OccurredAt!.Value),
                        input, stimulus.CorrelationId, stimulus.Name, cancellationToken)
                    : await runner.StartAsync(definition, input, stimulus.CorrelationId, cancellationToken, stimulus.Name);
                if (run is not null)
                {
                    started.Add(new StartedRun(run.Id, run.DefinitionId, run.DefinitionVersion, stimulus.Name));
                }
            }

            results.Add(new EventResult(delivery.ResumedInstances, started.Select(r => r.InstanceId).ToList(), delivery.Duplicate, Kept: delivery.Kept, failures[i])
            {
                StartedRuns = started,
            });
        }

        return results;
    }

    /// <summary>Published definitions with a trigger for the event whose filter holds. A filter that cannot be evaluated
    /// for this event (e.g. it reads a field the payload lacks) does not match: it is added to <paramref name="failures"/>,
    /// kept in <see cref="TriggerFailures"/> and logged.</summary>
    private List<WorkflowDefinition> MatchingTriggers(IReadOnlyList<WorkflowDefinition> withTriggers, Stimulus stimulus, List<TriggerFailure> failures, CancellationToken cancellationToken)
    {
        var (name, correlationId, payload) = (stimulus.Name, stimulus.CorrelationId, stimulus.Payload);
        var matching = new List<WorkflowDefinition>();
        foreach (var definition in withTriggers)
        {
            foreach (var trigger in definition.Triggers.Where(t => t.Event == name))
            {
                var scope = TriggerScope.For(name, correlationId, payload, options.PromotedInputs);

                try
                {
                    if (trigger.Filter is null || sandbox.Evaluate(trigger.Filter, scope, cancellationToken) is true)
                    {
                        matching.Add(definition);
                        break;
                    }
                }
                catch (ScriptException e)
                {
                    var failure = new TriggerFailure(definition.DefinitionId, name, correlationId, $"The trigger filter '{trigger.Filter}' failed: {e.Error}", clock.GetUtcNow());
                    failures.Add(failure);
                    triggerFailures.Record(failure);
                    logger.LogWarning("The trigger filter of workflow {DefinitionId} failed for event {Event}: {Error}", definition.DefinitionId, name, e.Error);
                }
            }
        }

        return matching;
    }

    /// <summary>The definition's recent trigger-filter failures, newest first (since the server started).</summary>
    public IReadOnlyList<TriggerFailure> TriggerFailuresOf(string definitionId) => triggerFailures.Of(definitionId);

    public async Task<IReadOnlyList<PendingBookmark>> PendingApprovalsAsync(CancellationToken cancellationToken) =>
        await queries.FindBookmarksAsync(BookmarkKind.Approval, null, null, cancellationToken);

    public async Task DecideAsync(string approvalId, string? decision, string? comment, string decidedBy, CancellationToken cancellationToken)
    {
        var approval = await queries.FindBookmarkAsync(approvalId, cancellationToken);
        if (approval is null || approval.Bookmark.Kind != BookmarkKind.Approval)
        {
            throw new WorkflowInstanceNotFoundException($"No pending approval '{approvalId}'.");
        }

        var options = ApprovalSignal.ReadData(approval.Bookmark.Data)?.Options is { Count: > 0 } asked ? asked : ApprovalActivity.OptionsOf(null);
        var chosen = options.FirstOrDefault(o => string.Equals(o, decision?.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new WorkflowInputException("decision", $"decision must be one of {string.Join(", ", options)}.");
        var payload = ApprovalSignal.ToPayload(new ApprovalSignal.Decision(chosen, comment, decidedBy));
        if (!await inbox.ResumeBookmarkAsync(approvalId, payload, cancellationToken))
        {
            throw new WorkflowInstanceNotFoundException($"No pending approval '{approvalId}'; it was decided or timed out.");
        }

        dispatcher.Enqueue(approval.InstanceId);
    }

    private static void CheckLength(string field, string? value)
    {
        if (value is { Length: > MaxKeyLength })
        {
            throw new WorkflowInputException(field, $"{field} is longer than {MaxKeyLength} characters.");
        }
    }

    private async Task PostAsync(string instanceId, InboxMessageKind kind, CancellationToken cancellationToken)
    {
        await inbox.PostAsync(instanceId, kind, null, null, cancellationToken);
        dispatcher.Enqueue(instanceId);
    }
}
