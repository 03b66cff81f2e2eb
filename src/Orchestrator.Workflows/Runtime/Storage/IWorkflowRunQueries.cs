using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Runtime.Instances;

namespace Orchestrator.Workflows.Runtime.Storage;

/// <summary>Reads of runs as they were last committed, for the API, the operations facade and the runner's answers;
/// nothing here takes a lease or changes a run.</summary>
public interface IWorkflowRunQueries
{
    Task<WorkflowInstance?> GetAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>A run and its journal as of one committed moment (read in one snapshot).</summary>
    Task<(WorkflowInstance Instance, IReadOnlyList<JournalEntry> Journal)?> GetWithJournalAsync(string instanceId, CancellationToken cancellationToken);

    Task<(IReadOnlyList<InstanceSummary> Items, int Total)> ListAsync(InstanceQuery query, CancellationToken cancellationToken);

    /// <summary>The unclaimed bookmarks of a kind, optionally with one name and correlation id.</summary>
    Task<IReadOnlyList<PendingBookmark>> FindBookmarksAsync(BookmarkKind kind, string? name, string? correlationId, CancellationToken cancellationToken);

    Task<PendingBookmark?> FindBookmarkAsync(string bookmarkId, CancellationToken cancellationToken);
}
