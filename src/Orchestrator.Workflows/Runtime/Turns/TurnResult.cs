using Orchestrator.Workflows.Runtime.Events;
using Orchestrator.Workflows.Runtime.Instances;

namespace Orchestrator.Workflows.Runtime.Turns;

/// <summary>What one turn changed besides the instance itself: journal entries written or closed, bookmarks created
/// and removed, and the events to publish once the turn is committed.</summary>
public sealed class TurnResult
{
    public Dictionary<long, JournalEntry> Journal { get; } = [];

    public List<Bookmark> CreatedBookmarks { get; } = [];

    public List<Bookmark> RemovedBookmarks { get; } = [];

    public List<WorkflowEvent> Events { get; } = [];
}
