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
    DateTimeOffset CreatedAt);
