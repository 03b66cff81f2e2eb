using System.Text.Json.Nodes;

namespace Orchestrator.Workflows.Runtime.Instances;

/// <summary>One execution of an activity: attempt, start and end, the outcome ports taken, outputs or error.</summary>
public sealed record JournalEntry(
    long Seq,
    string ActivityId,
    string Type,
    int Attempt,
    DateTimeOffset StartedAt,
    DateTimeOffset? CompletedAt = null,
    string? Outcome = null,
    string? Error = null,
    JsonObject? Outputs = null)
{
    public const string Suspended = "Suspended";
    public const string Cancelled = "Cancelled";
    public const string Skipped = "Skipped";
}
