using System.Text.Json.Nodes;
using Orchestrator.Workflows.Runtime.Instances;

namespace Orchestrator.Workflows.Runtime.Storage;

/// <summary>
/// How a waiting run is woken: a message is left in its inbox for its next turn — directly, by claiming one of its
/// bookmarks (a timer, an approval, an action's result) or by delivering an event. Each bookmark is claimed with a
/// conditional update, so it is resumed exactly once whoever races for it.
/// </summary>
public interface IWorkflowRunInbox
{
    /// <summary>Leaves a message for an instance's next turn.</summary>
    Task PostAsync(string instanceId, InboxMessageKind kind, string? bookmarkId, JsonNode? payload, CancellationToken cancellationToken);

    /// <summary>Claims the unclaimed bookmarks due by <paramref name="now"/> (timers, approval time-outs) and resumes each
    /// through its instance's inbox; approvals resume with <c>{ "timedOut": true }</c>.</summary>
    /// <returns>The instances that received a resumption.</returns>
    Task<IReadOnlyList<string>> ResumeDueBookmarksAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>Claims and resumes many bookmarks in one transaction (timers falling due together); returns the instances resumed.</summary>
    Task<IReadOnlyList<string>> ResumeBookmarksAsync(IReadOnlyList<(string BookmarkId, JsonNode? Payload)> resumptions, CancellationToken cancellationToken);

    /// <summary>Claims one bookmark and resumes it with <paramref name="payload"/>; false when it does not exist or was already resumed.</summary>
    Task<bool> ResumeBookmarkAsync(string bookmarkId, JsonNode? payload, CancellationToken cancellationToken);

    /// <summary>
    /// Delivers events, in order, in one transaction: a repeated delivery id is a duplicate and changes nothing;
    /// otherwise every unclaimed Event bookmark with the event's name and correlation is claimed and resumed through its
    /// instance's inbox; when none waits and a keep-until time is given, the event is kept until then for a bookmark
    /// still to come. One result per event, in the same order.
    /// </summary>
    Task<IReadOnlyList<EventDelivery>> DeliverEventsAsync(IReadOnlyList<EventToDeliver> events, CancellationToken cancellationToken);

    /// <summary>Forgets the delivery ids received before <paramref name="receivedBefore"/>; returns how many.</summary>
    Task<int> ForgetDeliveriesAsync(DateTimeOffset receivedBefore, CancellationToken cancellationToken);

    /// <summary>Hands kept events to Event bookmarks that now wait for them (of one instance, or of all when null).</summary>
    /// <returns>The instances that received an event.</returns>
    Task<IReadOnlyList<string>> DeliverKeptEventsAsync(string? instanceId, DateTimeOffset now, CancellationToken cancellationToken);
}
