using Orchestrator.Workflows.Runtime.Instances;

namespace Orchestrator.Workflows.Runtime.Storage;

/// <summary>A bookmark with the instance that waits on it.</summary>
public sealed record PendingBookmark(string InstanceId, string DefinitionId, Bookmark Bookmark);
