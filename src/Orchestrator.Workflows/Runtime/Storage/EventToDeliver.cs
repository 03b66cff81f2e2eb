namespace Orchestrator.Workflows.Runtime.Storage;

/// <summary>A stimulus to deliver, and until when to keep it if nothing waits for it (null: not kept).</summary>
public sealed record EventToDeliver(Stimulus Stimulus, DateTimeOffset? KeepUntil);
