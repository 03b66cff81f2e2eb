using System.Text.Json.Nodes;
using Orchestrator.Workflows.Activities;

namespace Orchestrator.Workflows.Runtime;

/// <summary>
/// A suspended branch: which activity waits, for what (kind and name), for which correlation, until when, and the
/// journal entry that completes when it is resumed.
/// </summary>
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
    DateTimeOffset CreatedAt)
{
    /// <summary>Set in <see cref="Data"/> when <see cref="DueAt"/> is a time-out rather than the thing awaited.</summary>
    public const string TimeoutMarker = "timeout";

    /// <summary>Whether reaching <see cref="DueAt"/> resumes the branch with <c>{ "timedOut": true }</c> (approvals, actions,
    /// waits with a time-out) rather than as the awaited moment (Delay, retry back-off).</summary>
    public bool DueMeansTimedOut =>
        Kind is BookmarkKind.Approval or BookmarkKind.Action || Data?[TimeoutMarker] is System.Text.Json.Nodes.JsonValue { } marker && marker.GetValue<bool>();
}
