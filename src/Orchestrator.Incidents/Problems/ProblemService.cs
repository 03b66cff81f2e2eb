using Orchestrator.Incidents.Errors;
using Orchestrator.Incidents.Storage;

namespace Orchestrator.Incidents.Problems;

/// <summary>The problem use cases: record, update, link incidents and resolve (which resolves waiting incidents).</summary>
public sealed class ProblemService(IIncidentStore store, IncidentRules rules, TimeProvider clock)
{
    public async Task<Problem> CreateAsync(NewProblem details, string actor, CancellationToken cancellationToken)
    {
        var change = Now(actor);
        Problem.Create("PRB0000000", details, change); // validate before drawing a number
        var problem = Problem.Create(await store.NextNumberAsync("PRB", cancellationToken), details, change);
        store.Add(problem);
        await store.CommitAsync(cancellationToken);
        return problem;
    }

    public async Task<Problem> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await store.FindProblemAsync(id, cancellationToken) ?? throw new NotFoundException("problem", id);

    public Task<PagedResult<Problem>> ListAsync(int page, int pageSize, CancellationToken cancellationToken) =>
        store.ListProblemsAsync(page, pageSize, cancellationToken);

    public Task<PagedResult<Incident>> LinkedIncidentsAsync(Guid id, int page, int pageSize, CancellationToken cancellationToken) =>
        store.SearchIncidentsAsync(new IncidentQuery(ProblemId: id, Page: page, PageSize: pageSize), cancellationToken);

    public async Task<Problem> UpdateAsync(Guid id, int? version, ProblemUpdate update, string actor, CancellationToken cancellationToken)
    {
        var problem = await GetAsync(id, cancellationToken);
        problem.EnsureVersion(version);
        problem.Update(update, Now(actor));
        await store.CommitAsync(cancellationToken);
        return problem;
    }

    public async Task<Incident> LinkIncidentAsync(Guid problemId, Guid incidentId, string actor, CancellationToken cancellationToken)
    {
        var problem = await GetAsync(problemId, cancellationToken);
        var incident = await store.FindIncidentAsync(incidentId, cancellationToken)
            ?? throw new NotFoundException("incident", incidentId);
        ProblemResolution.Link(problem, incident, Now(actor));
        await store.CommitAsync(cancellationToken);
        return incident;
    }

    /// <returns>The problem and the incidents it resolved.</returns>
    public async Task<(Problem Problem, IReadOnlyList<Incident> ResolvedIncidents)> ResolveAsync(
        Guid id, int? version, string? rootCause, string? notes, string? resolutionCode, string actor, CancellationToken cancellationToken)
    {
        var problem = await GetAsync(id, cancellationToken);
        problem.EnsureVersion(version);
        var linked = await store.FindIncidentsOfProblemAsync(id, cancellationToken);
        var resolved = ProblemResolution.Resolve(problem, linked, rootCause, notes, resolutionCode, rules.ResolutionCodes, Now(actor));
        await store.CommitAsync(cancellationToken);
        return (problem, resolved);
    }

    private Change Now(string actor) => new(actor, clock.GetUtcNow());
}
