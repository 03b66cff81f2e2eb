using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Activities.ControlFlow;
using Orchestrator.Workflows.Definitions;
using Orchestrator.Workflows.Definitions.Storage;
using Orchestrator.Workflows.Runtime.Storage;
using Orchestrator.Workflows.Runtime.Events;
using Orchestrator.Workflows.Runtime.Instances;
using Orchestrator.Workflows.Runtime.Invocation;
using Orchestrator.Workflows.Runtime.Signals;
using Orchestrator.Workflows.Runtime.Turns;

namespace Orchestrator.Workflows.Runtime.Dispatch;

/// <summary>
/// Starts runs and runs their turns under a lease: load, interpret, commit atomically (with children started and
/// parents told), publish the events, and go again while the inbox has messages.
/// </summary>
public sealed class WorkflowRunner(
    IWorkflowRunStore runs,
    IWorkflowRunInbox runInbox,
    IWorkflowRunQueries queries,
    IWorkflowDefinitionStore definitions,
    DefinitionCache cache,
    WorkflowInterpreter interpreter,
    WorkflowDispatcher dispatcher,
    LocalLeases localLeases,
    WorkflowEventHub events,
    ITimerScheduler timers,
    IActionExecutor actions,
    IEnumerable<IRunScopeExtension> scopeExtensions,
    RuntimeOptions options,
    TimeProvider clock,
    ILogger<WorkflowRunner> logger)
{
    private const int MaxTurnsPerLease = 50;

    /// <summary>Starts a run of the published version of <paramref name="definitionId"/>, or of <paramref name="version"/>
    /// (a draft, to test it before publishing).</summary>
    public async Task<WorkflowInstance> StartAsync(string definitionId, JsonObject? input, string? correlationId, CancellationToken cancellationToken,
        int? version = null, string? trigger = null)
    {
        if (version is { } chosen)
        {
            var requested = await cache.GetAsync(definitions, definitionId, chosen, cancellationToken)
                ?? throw new WorkflowDefinitionNotFoundException(definitionId, chosen);
            return await StartAsync(requested, input, correlationId, cancellationToken, trigger);
        }

        var published = await definitions.GetPublishedAsync(definitionId, cancellationToken);
        if (published is null)
        {
            throw await definitions.GetAsync(definitionId, null, cancellationToken) is null
                ? new WorkflowDefinitionNotFoundException(definitionId, null)
                : new WorkflowDefinitionConflictException(
                    $"Workflow definition '{definitionId}' has no published version; publish one with POST /api/workflow-definitions/{definitionId}/publish.");
        }

        var definition = await cache.GetAsync(definitions, definitionId, published.Definition.Version, cancellationToken) ?? published.Definition;
        return await StartAsync(definition, input, correlationId, cancellationToken, trigger);
    }

    /// <summary>
    /// Starts a run: its first turn runs here and is stored with the new instance in one commit, so a run that needs
    /// no waiting is durable and done in a single transaction.
    /// </summary>
    public async Task<WorkflowInstance> StartAsync(WorkflowDefinition definition, JsonObject? input, string? correlationId, CancellationToken cancellationToken,
        string? trigger = null) =>
        (await StartAsync(definition, NewId(), input, correlationId, trigger, cancellationToken))!;

    /// <summary>Starts a run with a chosen id (derived from the event that triggers it); null when a run with that id
    /// exists already, i.e. this event started it before.</summary>
    public async Task<WorkflowInstance?> StartOnceAsync(WorkflowDefinition definition, string instanceId, JsonObject? input, string? correlationId,
        string trigger, CancellationToken cancellationToken)
    {
        if (await runs.ExistsAsync(instanceId, cancellationToken))
        {
            return null;
        }

        try
        {
            return await StartAsync(definition, instanceId, input, correlationId, trigger, cancellationToken);
        }
        catch (DuplicateRunException)
        {
            return null; // another node started it a moment ago
        }
    }

    private async Task<WorkflowInstance?> StartAsync(WorkflowDefinition definition, string instanceId, JsonObject? input, string? correlationId,
        string? trigger, CancellationToken cancellationToken)
    {
        var instance = WorkflowInterpreter.NewInstance(definition, instanceId, input, correlationId, clock.GetUtcNow(), trigger: trigger);
        if (await ExecuteTurnAsync(instance, definition, [], lease: null, cancellationToken))
        {
            dispatcher.Enqueue(instance.Id);
        }

        return instance;
    }

    /// <summary>After a crash, runs again the actions that were in flight (same attempt, so the same idempotency key).</summary>
    public async Task<int> RestartPendingActionsAsync(CancellationToken cancellationToken)
    {
        var restarted = 0;
        foreach (var group in (await queries.FindBookmarksAsync(BookmarkKind.Action, null, null, cancellationToken)).GroupBy(b => b.InstanceId))
        {
            var instance = await queries.GetAsync(group.Key, cancellationToken);
            var definition = instance is null ? null : await cache.GetAsync(definitions, instance.DefinitionId, instance.DefinitionVersion, cancellationToken);
            if (instance is null || definition is null)
            {
                continue;
            }

            var extras = await ScopeExtrasAsync(instance, definition, cancellationToken);
            foreach (var pending in group)
            {
                actions.Start(ActionRequestFor(instance, definition, pending.Bookmark, extras));
                restarted++;
            }
        }

        if (restarted > 0)
        {
            logger.LogInformation("Restarted {Count} action(s) interrupted by the last shutdown", restarted);
        }

        return restarted;
    }

    /// <summary>Runs the instance's turns while it has something to do, taking its lease for each turn.</summary>
    public async Task RunTurnsAsync(string instanceId, CancellationToken cancellationToken)
    {
        for (var turn = 0; turn < MaxTurnsPerLease; turn++)
        {
            var lease = options.SingleNode
                ? localLeases.TryTake(instanceId)
                : await runs.TryAcquireAsync(instanceId, options.NodeId, options.LeaseDuration, cancellationToken);
            if (lease is null)
            {
                return; // another worker has it; it will see the same inbox
            }

            bool more;
            try
            {
                more = await RunOneTurnAsync(instanceId, lease, cancellationToken);
            }
            finally
            {
                if (lease.IsLocal)
                {
                    localLeases.Release(instanceId);
                }
            }

            if (!more)
            {
                return;
            }
        }

        dispatcher.Enqueue(instanceId);
    }

    private async Task<bool> RunOneTurnAsync(string instanceId, InstanceLease lease, CancellationToken cancellationToken)
    {
        var loaded = await runs.LoadAsync(instanceId, cancellationToken);
        if (loaded is null)
        {
            await ReleaseAsync(lease, cancellationToken);
            return false;
        }

        var instance = loaded.Instance;
        var definition = await cache.GetAsync(definitions, instance.DefinitionId, instance.DefinitionVersion, cancellationToken);
        if (definition is null || (loaded.Inbox.Count == 0 && (instance.Queue.Count == 0 || instance.Status == WorkflowStatus.Faulted)))
        {
            await ReleaseAsync(lease, cancellationToken);
            return false;
        }

        return await ExecuteTurnAsync(instance, definition, loaded.Inbox, lease, cancellationToken);
    }

    /// <summary>Gives back a store lease without committing (a local lease is released by the caller).</summary>
    private async Task ReleaseAsync(InstanceLease lease, CancellationToken cancellationToken)
    {
        if (!lease.IsLocal)
        {
            await runs.ReleaseAsync(lease, cancellationToken);
        }
    }

    /// <summary>One turn and its commit (an insert for a new run), then what follows a commit: events, actions, children, kept events.</summary>
    /// <returns>True when the run has more to do now.</returns>
    private async Task<bool> ExecuteTurnAsync(WorkflowInstance instance, WorkflowDefinition definition, IReadOnlyList<InboxMessage> inbox,
        InstanceLease? lease, CancellationToken cancellationToken)
    {
        var firstNewSeq = instance.NextJournalSeq;
        var extras = await ScopeExtrasAsync(instance, definition, cancellationToken);
        var result = await interpreter.RunTurnAsync(instance, definition, inbox, extras, cancellationToken);
        var commit = new TurnCommit(instance, lease) { FirstNewJournalSeq = firstNewSeq };
        commit.ConsumedInbox.AddRange(inbox.Select(m => m.Id));
        foreach (var (seq, entry) in result.Journal)
        {
            commit.Journal[seq] = entry;
        }

        var created = result.CreatedBookmarks.Where(b => !result.RemovedBookmarks.Contains(b)).ToList();
        commit.CreatedBookmarks.AddRange(created);
        commit.RemovedBookmarks.AddRange(result.RemovedBookmarks.Where(b => !result.CreatedBookmarks.Contains(b)));
        await StartChildrenAsync(instance, created, commit, cancellationToken);
        NotifyParent(instance, commit);

        foreach (var timed in created.Where(b => b.DueAt is not null))
        {
            await timers.ScheduleAsync(instance.Id, timed, cancellationToken);
        }

        await runs.CommitAsync(commit, cancellationToken);
        events.Publish(result.Events);
        await UnscheduleAsync(commit.RemovedBookmarks.Where(b => b.DueAt is not null), cancellationToken);

        foreach (var action in created.Where(b => b.Kind == BookmarkKind.Action))
        {
            actions.Start(ActionRequestFor(instance, definition, action, extras));
        }

        foreach (var child in commit.NewInstances)
        {
            dispatcher.Enqueue(child.Id);
        }

        foreach (var other in commit.Messages.Select(m => m.InstanceId).Where(id => id != instance.Id).Distinct())
        {
            dispatcher.Enqueue(other);
        }

        if (created.Any(b => b.Kind == BookmarkKind.Event))
        {
            await runInbox.DeliverKeptEventsAsync(instance.Id, clock.GetUtcNow(), cancellationToken);
        }

        // A brand-new run's id is known to nobody yet: only the kept events delivered above can have reached its inbox.
        var inboxMayHaveMessages = lease is not null || created.Any(b => b.Kind == BookmarkKind.Event);
        return instance.Status == WorkflowStatus.Running
            || commit.Messages.Any(m => m.InstanceId == instance.Id)
            || (inboxMayHaveMessages && await runs.HasInboxAsync(instance.Id, cancellationToken));
    }

    /// <summary>The request that runs (or, after a crash, re-runs with the same attempt) the action an Action bookmark waits for.</summary>
    private ActionRequest ActionRequestFor(WorkflowInstance instance, WorkflowDefinition definition, Bookmark bookmark,
        IReadOnlyDictionary<string, object?>? extras) => new(
        RunIdentity.Of(instance), bookmark.Id, definition.Root.Activities.First(a => a.Id == bookmark.ActivityId), bookmark.Attempt,
        bookmark.Data?.DeepClone().AsObject() ?? [],
        interpreter.ScopeOf(instance, extras).Snapshot());

    /// <summary>What this turn's expressions see besides the run's own state: promoted input properties, then what the
    /// host's extensions add (which win: the live incident over the one in the triggering event).</summary>
    private async Task<IReadOnlyDictionary<string, object?>?> ScopeExtrasAsync(WorkflowInstance instance, WorkflowDefinition definition,
        CancellationToken cancellationToken)
    {
        var extras = ExpressionScope.Promoted(instance.Input, options.PromotedInputs);
        foreach (var extension in scopeExtensions)
        {
            if (await extension.ExtrasAsync(instance, definition, cancellationToken) is { Count: > 0 } added)
            {
                var merged = new Dictionary<string, object?>(extras ?? new Dictionary<string, object?>(), StringComparer.Ordinal);
                foreach (var (name, value) in added)
                {
                    merged[name] = value;
                }

                extras = merged;
            }
        }

        return extras;
    }

    private async Task UnscheduleAsync(IEnumerable<Bookmark> bookmarks, CancellationToken cancellationToken)
    {
        foreach (var bookmark in bookmarks)
        {
            try
            {
                await timers.UnscheduleAsync(bookmark, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not remove the timer of bookmark {BookmarkId}; it will be ignored when it fires", bookmark.Id);
            }
        }
    }

    private async Task StartChildrenAsync(WorkflowInstance parent, IEnumerable<Bookmark> created, TurnCommit commit, CancellationToken cancellationToken)
    {
        foreach (var bookmark in created.Where(b => b.Kind == BookmarkKind.ChildWorkflow))
        {
            var (childDefinitionId, input, wait) = ChildRun.ReadData(bookmark.Data);
            var published = await definitions.GetPublishedAsync(childDefinitionId, cancellationToken);
            if (published is null)
            {
                commit.Messages.Add((parent.Id, InboxMessageKind.Resume, bookmark.Id,
                    ChildRun.ToPayload(new ChildRun.Answer(null, null, $"No published workflow '{childDefinitionId}' to run."))));
                continue;
            }

            var child = WorkflowInterpreter.NewInstance(published.Definition, NewId(), input,
                parent.CorrelationId, clock.GetUtcNow(), parent.Id, wait ? bookmark.Id : null, RunWorkflowActivity.TypeName);
            commit.NewInstances.Add(child);
            if (!wait)
            {
                commit.Messages.Add((parent.Id, InboxMessageKind.Resume, bookmark.Id,
                    ChildRun.ToPayload(new ChildRun.Answer(child.Id, nameof(WorkflowStatus.Running)))));
            }

            logger.LogInformation("Workflow instance {InstanceId} started child {ChildId} of {DefinitionId}", parent.Id, child.Id, childDefinitionId);
        }
    }

    /// <summary>A child that ended (or faulted) resumes the parent's RunWorkflow bookmark with its status and variables.</summary>
    private static void NotifyParent(WorkflowInstance instance, TurnCommit commit)
    {
        if (instance is { ParentInstanceId: { } parentId, ParentBookmarkId: { } bookmarkId }
            && instance.Status is WorkflowStatus.Finished or WorkflowStatus.Cancelled or WorkflowStatus.Faulted)
        {
            commit.Messages.Add((parentId, InboxMessageKind.Resume, bookmarkId, ChildRun.ToPayload(new ChildRun.Answer(
                instance.Id, instance.Status.ToString(), instance.Fault?.Message, Templating.ScriptValues.ToJson(instance.Variables) as JsonObject))));
        }
    }

    private static string NewId() => Guid.CreateVersion7().ToString("N");
}
