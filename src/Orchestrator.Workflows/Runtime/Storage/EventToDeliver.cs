using Orchestrator.Workflows.Runtime.Turns;

namespace Orchestrator.Workflows.Runtime.Storage;

/// <summary>A stimulus to deliver, until when to keep it if nothing waits for it (null: not kept), and whether it
/// starts runs (then its delivery id is recorded even when no wait matches, so a second delivery starts nothing).</summary>
public sealed record EventToDeliver(Stimulus Stimulus, DateTimeOffset? KeepUntil, bool StartsRuns = false);
