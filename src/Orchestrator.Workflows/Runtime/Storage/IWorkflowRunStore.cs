namespace Orchestrator.Workflows.Runtime.Storage;

/// <summary>
/// The runner's side of durable storage: a run's state is loaded and committed one turn at a time under a lease that
/// keeps the run on one worker. How runs are woken is <see cref="IWorkflowRunInbox"/>; what is read for people is
/// <see cref="IWorkflowRunQueries"/>.
/// </summary>
public interface IWorkflowRunStore
{
    /// <summary>Takes the instance's lease when it is free or expired; null when someone else holds it.</summary>
    Task<InstanceLease?> TryAcquireAsync(string instanceId, string owner, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>The run's flow state, bookmarks and unread inbox, as the next turn needs them.</summary>
    Task<LoadedInstance?> LoadAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Whether a run with this id exists (in any status).</summary>
    Task<bool> ExistsAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Commits a turn atomically — for a new run, inserts it with its first turn; throws
    /// <see cref="StaleLeaseException"/> when the lease was lost.</summary>
    Task CommitAsync(TurnCommit commit, CancellationToken cancellationToken);

    Task ReleaseAsync(InstanceLease lease, CancellationToken cancellationToken);

    /// <summary>Clears every lease (a single node starting after a crash owns all runs).</summary>
    Task ReleaseAllAsync(CancellationToken cancellationToken);

    /// <summary>Whether messages arrived for the run since its last turn read its inbox.</summary>
    Task<bool> HasInboxAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Instances with inbox messages or queued work whose lease is free or expired.</summary>
    Task<IReadOnlyList<string>> FindRunnableAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);
}
