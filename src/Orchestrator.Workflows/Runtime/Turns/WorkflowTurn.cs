using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Orchestrator.Templating;
using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Activities.ControlFlow;
using Orchestrator.Workflows.Definitions;
using Orchestrator.Workflows.Descriptors;
using Orchestrator.Workflows.Graph;
using Orchestrator.Workflows.Runtime.Events;
using Orchestrator.Workflows.Runtime.Instances;
using Orchestrator.Workflows.Runtime.Invocation;
using Orchestrator.Workflows.Runtime.Signals;

namespace Orchestrator.Workflows.Runtime.Turns;

/// <summary>One turn of one instance (see <see cref="WorkflowInterpreter"/>): executes activities and records what changed.</summary>
internal sealed partial class WorkflowTurn(
    WorkflowInstance instance,
    WorkflowDefinition definition,
    IActivityRegistry registry,
    ActivityInvoker invoker,
    ExpressionScope scope,
    TimeProvider clock,
    ILogger logger)
{
    private readonly FlowchartGraph _graph = FlowchartGraph.Of(definition.Root);
    private static readonly TimeSpan ActionGrace = TimeSpan.FromSeconds(15);
    private readonly WorkflowStatus _initialStatus = instance.Status;

    public TurnResult Result { get; } = new();

    public void Apply(InboxMessage message)
    {
        switch (message.Kind)
        {
            case InboxMessageKind.Cancel when !instance.IsFinal:
                Cancel();
                break;
            case InboxMessageKind.Retry when instance is { Status: WorkflowStatus.Faulted, Fault: { } fault }:
                instance.Fault = null;
                instance.Status = WorkflowStatus.Running;
                Enqueue(fault.ActivityId, tryNumber: 1);
                break;
            case InboxMessageKind.Resume when !instance.IsFinal && message.BookmarkId is { } bookmarkId:
                Resume(bookmarkId, message.Payload);
                break;
        }
    }

    public async Task DrainAsync(int maxSteps, CancellationToken cancellationToken)
    {
        for (var step = 0; step < maxSteps && instance.Status != WorkflowStatus.Faulted && !instance.IsFinal && instance.Queue.Count > 0; step++)
        {
            var item = instance.Queue[0];
            instance.Queue.RemoveAt(0);
            await ExecuteAsync(item, cancellationToken);
        }
    }

    /// <summary>Sets the status from what is left: work now (Running), only bookmarks (Suspended), or nothing (Finished).</summary>
    public void Settle()
    {
        var now = clock.GetUtcNow();
        if (instance.Status is WorkflowStatus.Running or WorkflowStatus.Suspended)
        {
            instance.Status = instance.Queue.Count > 0 ? WorkflowStatus.Running
                : instance.Bookmarks.Count > 0 ? WorkflowStatus.Suspended
                : WorkflowStatus.Finished;
        }

        if (instance.IsFinal)
        {
            instance.FinishedAt ??= now;
        }

        instance.UpdatedAt = now;
        if (instance.Status != _initialStatus)
        {
            Publish(WorkflowEventKind.StatusChanged, null, instance.Status.ToString());
        }
    }

    private void Resume(string bookmarkId, JsonNode? payload)
    {
        var bookmark = instance.Bookmarks.FirstOrDefault(b => b.Id == bookmarkId);
        if (bookmark is null)
        {
            logger.LogDebug("Instance {InstanceId} ignores a resumption of unknown bookmark {BookmarkId}", instance.Id, bookmarkId);
            return;
        }

        RemoveBookmark(bookmark);
        if (bookmark.Kind == BookmarkKind.Retry)
        {
            // A retry's back-off has elapsed: run the activity afresh.
            instance.Queue.Add(new WorkItem(bookmark.ActivityId, bookmark.Attempt, bookmark.Try));
            return;
        }

        // The try travels with the wait, so a failure on resumption counts against the retry policy where it left off.
        instance.Queue.Add(new WorkItem(bookmark.ActivityId, bookmark.Attempt, bookmark.Try, bookmark.Id, payload, bookmark.JournalSeq, bookmark.DueAt));
        if (instance.Status == WorkflowStatus.Suspended)
        {
            instance.Status = WorkflowStatus.Running;
        }
    }

    private void Cancel()
    {
        var now = clock.GetUtcNow();
        foreach (var bookmark in instance.Bookmarks.ToList())
        {
            CloseCancelled(bookmark, now);
        }

        instance.Queue.Clear();
        instance.Status = WorkflowStatus.Cancelled;
        instance.FinishedAt = now;
    }

    private async Task ExecuteAsync(WorkItem item, CancellationToken cancellationToken)
    {
        var node = _graph.Activities.GetValueOrDefault(item.ActivityId);
        var activity = node is null ? null : registry.Find(node.Type);
        var resuming = item.ResumeBookmarkId is not null;
        var seq = item.JournalSeq ?? instance.NextJournalSeq++;
        var started = clock.GetUtcNow();
        var entry = new JournalEntry(seq, item.ActivityId, node?.Type ?? "?", item.Attempt, started);
        if (!resuming)
        {
            Result.Journal[seq] = entry;
            Publish(WorkflowEventKind.ActivityStarted, item.ActivityId, null);
        }

        ActivityResult result;
        switch (node, activity)
        {
            case (null, _):
                result = ActivityResult.Fault($"Activity '{item.ActivityId}' is not in version {instance.DefinitionVersion} of the definition.");
                break;
            case (_, null):
                result = ActivityResult.Fault($"Activity type '{node.Type}' is not available (is its plugin loaded?).");
                break;
            case var _ when activity.Descriptor.HasSideEffects && resuming:
                result = ActionOutcome.FromPayload(item.ResumePayload, node.TimeoutSeconds);
                break;
            case var _ when activity.Descriptor.HasSideEffects:
                result = PrepareAction(activity, node, cancellationToken);
                break;
            case var _ when resuming && ResumeSignal.IsTimedOut(item.ResumePayload) && !activity.Descriptor.Outcomes.Contains(Ports.TimedOut):
                result = ActivityResult.Fault($"Timed out after {node.TimeoutSeconds} s without being resumed.");
                break;
            default:
                result = await RunActivityAsync(activity, node, item, cancellationToken);
                break;
        }

        if (result.Bookmark is { } request)
        {
            Suspend(item, WithTimeout(node!, request), seq, entry);
        }
        else if (result.Error is not null)
        {
            Failed(item, node, result, entry);
        }
        else if (result.ErrorIfUnconnected is { } refusal && !_graph.Outbound(node!.Id).Any(c => result.Outcomes.Contains(FlowchartGraph.PortOf(c))))
        {
            Failed(item, node, ActivityResult.Fault(refusal, result.Outputs, permanent: true), entry);
        }
        else
        {
            Completed(item, result, entry);
        }
    }

    private Task<ActivityResult> RunActivityAsync(IActivity activity, ActivityNode node, WorkItem item, CancellationToken cancellationToken) =>
        invoker.InvokeAsync(new ActivityInvocation
        {
            Activity = activity,
            Node = node,
            Scope = scope,
            Variables = instance.Variables,
            Run = RunIdentity.Of(instance),
            Attempt = item.Attempt,
            Resuming = item.ResumeBookmarkId is not null,
            ResumePayload = item.ResumePayload,
            ResumedDueAt = item.ResumeDueAt,
            Logger = logger,
        }, cancellationToken);

    /// <summary>An activity with side effects does not run inside the turn: its inputs are evaluated now, and the branch
    /// waits on an Action bookmark that the action's result resumes (or its time-out, if the result never comes).</summary>
    private ActivityResult PrepareAction(IActivity activity, ActivityNode node, CancellationToken cancellationToken)
    {
        try
        {
            var inputs = scope.EvaluateInputs(node, activity.Descriptor, cancellationToken);
            var timeout = ActivityInvoker.TimeoutOf(node, activity)!.Value;
            var data = ScriptValues.ToJson(inputs) as JsonObject ?? [];
            return ActivityResult.Suspend(new BookmarkRequest(BookmarkKind.Action, node.Type, clock.GetUtcNow() + timeout + ActionGrace, data));
        }
        catch (InputEvaluationException e)
        {
            return ActivityResult.Fault(e.Message);
        }
    }

    /// <summary>A waiting activity with <c>timeoutSeconds</c> (an event, a child run) gets a due time: when nothing resumed
    /// it by then, it fails — and retries or follows Failed like any failure.</summary>
    private BookmarkRequest WithTimeout(ActivityNode node, BookmarkRequest request)
    {
        if (node.TimeoutSeconds is not { } seconds || request.DueAt is not null || request.Kind is not (BookmarkKind.Event or BookmarkKind.ChildWorkflow))
        {
            return request;
        }

        return request with { DueAt = clock.GetUtcNow().AddSeconds(seconds), DueIsTimeout = true };
    }

    private void Suspend(WorkItem item, BookmarkRequest request, long seq, JournalEntry entry)
    {
        var bookmark = new Bookmark(Guid.CreateVersion7().ToString("N"), item.ActivityId, request.Kind, request.Name, instance.CorrelationId,
            request.DueAt, request.Data, item.Attempt, seq, entry.StartedAt, item.Try, request.DueIsTimeout);
        instance.Bookmarks.Add(bookmark);
        Result.CreatedBookmarks.Add(bookmark);
        Result.Journal[seq] = entry with { Outcome = null };
        Publish(WorkflowEventKind.ActivitySuspended, item.ActivityId, $"{request.Kind} {request.Name}");
    }

    private void Failed(WorkItem item, ActivityNode? node, ActivityResult result, JournalEntry entry)
    {
        var now = clock.GetUtcNow();
        var error = result.Error!;
        var outputs = result.Outputs.Count == 0 ? null : ScriptValues.ToJson(result.Outputs) as JsonObject;
        Result.Journal[entry.Seq] = entry with { CompletedAt = now, Outcome = Ports.Failed, Error = error, Outputs = outputs?.DeepClone().AsObject() };
        Publish(WorkflowEventKind.ActivityFaulted, item.ActivityId, error);
        if (node?.Retry is { } retry && item.Try < retry.MaxAttempts && !result.IsPermanent)
        {
            ScheduleRetry(item, retry, now);
            return;
        }

        if (node is not null && _graph.Outbound(node.Id).Any(c => FlowchartGraph.PortOf(c) == Ports.Failed))
        {
            // What the activity produced stays readable beside the error (outputs.call.status of a refused HTTP call).
            var failedOutputs = outputs ?? [];
            failedOutputs["error"] = error;
            instance.Outputs[node.Id] = failedOutputs;
            Propagate(node.Id, [Ports.Failed]);
            return;
        }

        instance.Fault = new WorkflowFault(item.ActivityId, item.Attempt, error, now);
        instance.Status = WorkflowStatus.Faulted;
    }

    private void ScheduleRetry(WorkItem item, RetryPolicy retry, DateTimeOffset now)
    {
        var backoff = retry.BackoffSeconds * Math.Pow(2, item.Try - 1);
        var attempt = NextAttempt(item.ActivityId);
        if (backoff <= 0)
        {
            instance.Queue.Add(new WorkItem(item.ActivityId, attempt, item.Try + 1));
            return;
        }

        var bookmark = new Bookmark(Guid.CreateVersion7().ToString("N"), item.ActivityId, BookmarkKind.Retry, "retry", instance.CorrelationId,
            now.AddSeconds(backoff), null, attempt, 0, now, Try: item.Try + 1);
        instance.Bookmarks.Add(bookmark);
        Result.CreatedBookmarks.Add(bookmark);
    }

    private void Completed(WorkItem item, ActivityResult result, JournalEntry entry)
    {
        var outputs = result.Outputs.Count == 0 ? null : ScriptValues.ToJson(result.Outputs) as JsonObject;
        if (outputs is not null)
        {
            instance.Outputs[item.ActivityId] = outputs;
        }

        var outcome = string.Join(",", result.Outcomes);
        Result.Journal[entry.Seq] = entry with { CompletedAt = clock.GetUtcNow(), Outcome = outcome, Outputs = outputs?.DeepClone().AsObject() };
        Publish(WorkflowEventKind.ActivityCompleted, item.ActivityId, outcome);
        Propagate(item.ActivityId, result.Outcomes);
    }

    private void Enqueue(string activityId, int tryNumber) =>
        instance.Queue.Add(new WorkItem(activityId, NextAttempt(activityId), tryNumber));

    private int NextAttempt(string activityId) =>
        instance.Attempts[activityId] = instance.Attempts.GetValueOrDefault(activityId) + 1;

    private void RemoveBookmark(Bookmark bookmark)
    {
        instance.Bookmarks.Remove(bookmark);
        Result.RemovedBookmarks.Add(bookmark);
    }

    private void CloseCancelled(Bookmark bookmark, DateTimeOffset now)
    {
        RemoveBookmark(bookmark);
        if (bookmark.JournalSeq > 0)
        {
            Result.Journal[bookmark.JournalSeq] = new JournalEntry(bookmark.JournalSeq, bookmark.ActivityId,
                _graph.Activities.GetValueOrDefault(bookmark.ActivityId)?.Type ?? "?", bookmark.Attempt, bookmark.CreatedAt, now, JournalEntry.Cancelled);
        }

        Publish(WorkflowEventKind.ActivityCancelled, bookmark.ActivityId, null);
    }

    private void Publish(WorkflowEventKind kind, string? activityId, string? detail) =>
        Result.Events.Add(new WorkflowEvent(instance.Id, kind, activityId, detail, clock.GetUtcNow()));
}
