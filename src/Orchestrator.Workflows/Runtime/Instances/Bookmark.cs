using System.Text.Json.Nodes;
using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Runtime.Signals;

namespace Orchestrator.Workflows.Runtime.Instances;

/// <summary>
/// A suspended branch: which activity waits, for what (kind and name), for which correlation, until when, and the
/// journal entry that completes when it is resumed.
/// </summary>
/// <param name="Id">The bookmark's id (resumptions, approvals and timers name it).</param>
/// <param name="ActivityId">The waiting activity.</param>
/// <param name="Kind">What is awaited.</param>
/// <param name="Name">The event name for an Event bookmark; a label otherwise.</param>
/// <param name="CorrelationId">The run's correlation id, which an event must carry to resume it.</param>
/// <param name="DueAt">When a timer fires or the wait times out.</param>
/// <param name="Data">What the activity keeps with its wait: an approval's title, assignees and options; a child run's
/// definition, input and wait flag; an action's evaluated inputs.</param>
/// <param name="Attempt">The execution number of the waiting activity in the run; part of an action's idempotency key.</param>
/// <param name="JournalSeq">The journal entry the resumption completes (0 for a retry back-off, which has none).</param>
/// <param name="CreatedAt">When the branch began to wait.</param>
/// <param name="Try">Which try of the node's retry policy is waiting (1 for the first); for a <see cref="BookmarkKind.Retry"/>
/// bookmark, the try that runs when the back-off has elapsed.</param>
/// <param name="DueIsTimeout">Whether <see cref="DueAt"/> is a time-out of a wait (an event or a child run with
/// <c>timeoutSeconds</c>) rather than the moment awaited.</param>
public sealed record Bookmark(
    string Id,
    string ActivityId,
    BookmarkKind Kind,
    string Name,
    string? CorrelationId,
    DateTimeOffset? DueAt,
    JsonObject? Data,
    int Attempt,
    long JournalSeq,
    DateTimeOffset CreatedAt,
    int Try = 1,
    bool DueIsTimeout = false)
{
    /// <summary>Whether reaching <see cref="DueAt"/> resumes the branch with <see cref="ResumeSignal.TimedOut"/> (approvals,
    /// actions, waits with a time-out) rather than as the awaited moment (Delay, retry back-off).</summary>
    public bool DueMeansTimedOut => Kind is BookmarkKind.Approval or BookmarkKind.Action || DueIsTimeout;
}
