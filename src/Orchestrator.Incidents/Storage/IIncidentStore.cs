using Orchestrator.Incidents.Problems;
using Orchestrator.Incidents.Timeline;

namespace Orchestrator.Incidents.Storage;

/// <summary>
/// Persistence of incidents, their timelines and problems. Loaded aggregates are tracked; <see cref="CommitAsync"/>
/// saves every tracked change and new timeline entry in one transaction, or throws
/// <see cref="Errors.StaleVersionException"/> when another writer got there first.
/// </summary>
public interface IIncidentStore
{
    Task<Incident?> FindIncidentAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The incidents with these ids that exist, tracked for change.</summary>
    Task<IReadOnlyDictionary<Guid, Incident>> FindIncidentsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    /// <summary>The incident numbered <paramref name="number"/> (e.g. INC0001001, as stored: upper case).</summary>
    Task<Incident?> FindIncidentByNumberAsync(string number, CancellationToken cancellationToken);

    Task<PagedResult<Incident>> SearchIncidentsAsync(IncidentQuery query, CancellationToken cancellationToken);

    Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync(Guid incidentId, CancellationToken cancellationToken);

    Task<Problem?> FindProblemAsync(Guid id, CancellationToken cancellationToken);

    Task<PagedResult<Problem>> ListProblemsAsync(int page, int pageSize, CancellationToken cancellationToken);

    /// <summary>Incidents linked to the problem, tracked for change.</summary>
    Task<IReadOnlyList<Incident>> FindIncidentsOfProblemAsync(Guid problemId, CancellationToken cancellationToken);

    /// <summary>The next number in a gap-tolerant sequence, e.g. "INC" → "INC0001001".</summary>
    Task<string> NextNumberAsync(string prefix, CancellationToken cancellationToken);

    void Add(Incident incident);

    void Add(Problem problem);

    /// <summary>The incident's SLA clocks, tracked for change.</summary>
    Task<IReadOnlyList<Sla.SlaClock>> FindSlaClocksAsync(Guid incidentId, CancellationToken cancellationToken);

    /// <summary>Saves every tracked change (and moves the SLA clocks of the incidents with new timeline entries),
    /// then schedules the next milestone of each clock that moved or is in <paramref name="scheduleAlso"/>.</summary>
    Task CommitAsync(CancellationToken cancellationToken, IReadOnlyList<Sla.SlaClock>? scheduleAlso = null);
}
