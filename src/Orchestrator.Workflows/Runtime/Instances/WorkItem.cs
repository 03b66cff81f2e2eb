using System.Text.Json.Nodes;

namespace Orchestrator.Workflows.Runtime.Instances;

/// <summary>
/// An activity waiting to run in the instance's turn: a fresh execution, or the resumption of a bookmark with its payload.
/// </summary>
/// <param name="ActivityId">The activity to run.</param>
/// <param name="Attempt">The execution number of this activity in the run (1, 2, … across loops and retries); part of the idempotency key.</param>
/// <param name="Try">1 for a first try, 2… for retries under the activity's retry policy.</param>
/// <param name="ResumeBookmarkId">Set when this resumes a bookmark.</param>
/// <param name="ResumePayload">What the bookmark was resumed with.</param>
/// <param name="JournalSeq">The journal entry the resumption completes.</param>
/// <param name="ResumeDueAt">The due time of the resumed bookmark, so an activity that waits again keeps its deadline.</param>
public sealed record WorkItem(string ActivityId, int Attempt, int Try = 1, string? ResumeBookmarkId = null, JsonNode? ResumePayload = null, long? JournalSeq = null,
    DateTimeOffset? ResumeDueAt = null);
