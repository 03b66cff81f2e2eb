using Orchestrator.Incidents.Storage;

namespace Orchestrator.Incidents.Intake.Storage;

/// <summary>
/// Persistence of alerts and their outgoing events. Shares the unit of work with <see cref="IIncidentStore"/>:
/// <see cref="IIncidentStore.CommitAsync"/> saves alerts, events and incidents together.
/// </summary>
public interface IAlertStore
{
    /// <summary>Serialises intake for one integration, across threads and (on PostgreSQL) across nodes, and opens the
    /// transaction the batch commits in.</summary>
    Task<IIntakeTransaction> BeginIntakeAsync(Guid integrationId, CancellationToken cancellationToken);

    /// <summary>The integration's Firing or Acknowledged alerts with these fingerprints, tracked for change.</summary>
    Task<IReadOnlyList<Alert>> FindOpenAsync(Guid integrationId, IReadOnlyCollection<string> fingerprints, CancellationToken cancellationToken);

    /// <summary>The same as <see cref="FindOpenAsync"/> but not tracked and outside any lock: a snapshot to tell
    /// whether a post changes anything at all.</summary>
    Task<IReadOnlyList<Alert>> PeekOpenAsync(Guid integrationId, IReadOnlyCollection<string> fingerprints, CancellationToken cancellationToken);

    /// <summary>The integration's most recent alert for each of these fingerprints that has one, open or not.</summary>
    Task<IReadOnlyDictionary<string, Alert>> FindLatestAsync(Guid integrationId, IReadOnlyCollection<string> fingerprints, CancellationToken cancellationToken);

    /// <summary>The newest incident, not yet Resolved, Closed or Cancelled and opened since <paramref name="openedSince"/>,
    /// holding an alert of this integration with this group key.</summary>
    Task<Guid?> FindGroupIncidentAsync(Guid integrationId, string groupKey, DateTimeOffset openedSince, CancellationToken cancellationToken);

    /// <summary>The open alerts (as stored) of these incidents, tracked for change.</summary>
    Task<IReadOnlyList<Alert>> FindOpenOfIncidentsAsync(IReadOnlyCollection<Guid> incidentIds, CancellationToken cancellationToken);

    /// <summary>The service's incidents that are not Closed or Cancelled, tracked for change.</summary>
    Task<IReadOnlyList<Incident>> FindActiveIncidentsOfServiceAsync(string service, CancellationToken cancellationToken);

    Task<Alert?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task<PagedResult<Alert>> SearchAsync(AlertQuery query, CancellationToken cancellationToken);

    void Add(Alert alert);

    void Add(AlertEventBatch events);
}
