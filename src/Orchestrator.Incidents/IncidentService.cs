using Orchestrator.Incidents.Errors;
using Orchestrator.Incidents.Lifecycle;
using Orchestrator.Incidents.Major;
using Orchestrator.Incidents.Storage;
using Orchestrator.Incidents.Timeline;

namespace Orchestrator.Incidents;

/// <summary>
/// The incident use cases: load the aggregate, check the caller's version, apply the change, commit. Each method is
/// one transaction; a rejected change stores nothing.
/// </summary>
public sealed class IncidentService(IIncidentStore store, IncidentRules rules, TimeProvider clock)
{
    public async Task<Incident> CreateAsync(NewIncident details, string actor, CancellationToken cancellationToken)
    {
        var change = Now(actor);
        Incident.Create("INC0000000", details, rules.PriorityMatrix, change); // validate before drawing a number
        var incident = Incident.Create(await store.NextNumberAsync("INC", cancellationToken), details, rules.PriorityMatrix, change);
        store.Add(incident);
        await store.CommitAsync(cancellationToken);
        return incident;
    }

    public async Task<Incident> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await store.FindIncidentAsync(id, cancellationToken) ?? throw new NotFoundException("incident", id);

    /// <summary>The incident by its number (INC0001001, any case), as people quote it.</summary>
    public async Task<Incident> GetByNumberAsync(string number, CancellationToken cancellationToken) =>
        await store.FindIncidentByNumberAsync(number.Trim().ToUpperInvariant(), cancellationToken)
        ?? throw new NotFoundException("incident", number, "number");

    public Task<PagedResult<Incident>> SearchAsync(IncidentQuery query, CancellationToken cancellationToken) =>
        store.SearchIncidentsAsync(query, cancellationToken);

    public async Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync(Guid id, CancellationToken cancellationToken)
    {
        await GetAsync(id, cancellationToken);
        return await store.GetTimelineAsync(id, cancellationToken);
    }

    public Task<Incident> UpdateAsync(Guid id, int? version, IncidentUpdate update, string actor, CancellationToken cancellationToken) =>
        ChangeAsync(id, version, (incident, change) => incident.Update(update, rules.PriorityMatrix, change), actor, cancellationToken);

    public Task<Incident> TransitionAsync(Guid id, int? version, TransitionRequest request, string actor, CancellationToken cancellationToken) =>
        ChangeAsync(id, version, (incident, change) => incident.Transition(request, rules.ResolutionCodes, change), actor, cancellationToken);

    public Task<Incident> VerifyAsync(Guid id, bool confirmed, string? comment, string actor, CancellationToken cancellationToken) =>
        ChangeAsync(id, null, (incident, change) => incident.Verify(confirmed, comment, rules.ResolutionCodes, change), actor, cancellationToken);

    public Task<Incident> AssignAsync(Guid id, int? version, string? group, string? assignee, string actor, CancellationToken cancellationToken) =>
        ChangeAsync(id, version, (incident, change) => incident.Assign(group, assignee, change), actor, cancellationToken);

    public Task<Incident> AddNoteAsync(Guid id, int? version, NoteKind kind, string? text, string actor, CancellationToken cancellationToken) =>
        ChangeAsync(id, version, (incident, change) => incident.AddNote(kind, text, change), actor, cancellationToken);

    public Task<Incident> SetRoleAsync(Guid id, int? version, IcsRole role, string? user, string actor, CancellationToken cancellationToken) =>
        ChangeAsync(id, version, (incident, change) => incident.SetRole(role, user, change), actor, cancellationToken);

    public Task<Incident> HandleMajorAsync(Guid id, int? version, MajorIncidentAction action, string? reason, string actor, CancellationToken cancellationToken) =>
        ChangeAsync(id, version, (incident, change) => incident.HandleMajor(action, reason, change), actor, cancellationToken);

    /// <summary>Notes on each incident's timeline the runs that its events started; runs of incidents that no longer
    /// exist are ignored. One transaction for the lot.</summary>
    public async Task NoteRunsStartedAsync(IReadOnlyList<RunStarted> runs, CancellationToken cancellationToken)
    {
        if (runs.Count == 0)
        {
            return;
        }

        var incidents = await store.FindIncidentsAsync(runs.Select(r => r.IncidentId).Distinct().ToList(), cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var run in runs)
        {
            if (incidents.GetValueOrDefault(run.IncidentId) is { } incident)
            {
                incident.NoteRunStarted(run, now);
            }
        }

        await store.CommitAsync(cancellationToken);
    }

    /// <summary>Notes on the incident's timeline what a workflow step did without changing the incident (see
    /// <see cref="Incident.NoteWorkflow"/>).</summary>
    public async Task NoteWorkflowAsync(Guid id, string actor, string summary, IReadOnlyDictionary<string, string?> data, CancellationToken cancellationToken)
    {
        var incident = await GetAsync(id, cancellationToken);
        incident.NoteWorkflow(Now(actor), summary, data.Select(d => (d.Key, d.Value)).ToArray());
        await store.CommitAsync(cancellationToken);
    }

    private async Task<Incident> ChangeAsync(Guid id, int? version, Action<Incident, Change> apply, string actor, CancellationToken cancellationToken)
    {
        var incident = await GetAsync(id, cancellationToken);
        incident.EnsureVersion(version);
        apply(incident, Now(actor));
        await store.CommitAsync(cancellationToken);
        return incident;
    }

    private Change Now(string actor) => new(actor, clock.GetUtcNow());
}
