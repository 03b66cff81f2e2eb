using Orchestrator.Workflows.Runtime.Instances;

namespace Orchestrator.Workflows.Runtime.Storage;

/// <summary>An instance as loaded for a turn, with the inbox messages waiting for it (oldest first).</summary>
public sealed record LoadedInstance(WorkflowInstance Instance, IReadOnlyList<InboxMessage> Inbox);
