using Microsoft.EntityFrameworkCore;
using Orchestrator.Incidents;
using Orchestrator.Incidents.Errors;
using Orchestrator.Incidents.Events;
using Orchestrator.Infrastructure.Events;
using Orchestrator.Infrastructure.Sla;
using Orchestrator.Incidents.Problems;
using Orchestrator.Incidents.Sla;
using Orchestrator.Incidents.Storage;
using Orchestrator.Incidents.Timeline;

namespace Orchestrator.Infrastructure.Persistence;

/// <summary>EF Core implementation of <see cref="IIncidentStore"/>; one instance per request (scoped).</summary>
internal sealed class EfIncidentStore(OrchestratorDbContext db, OutboxSignal outbox, ISlaSettingsStore slaSettings, SlaRulesCache slaRules, SlaTimerQueue slaTimers,
    TimeProvider clock) : IIncidentStore
{
    public Task<Incident?> FindIncidentAsync(Guid id, CancellationToken cancellationToken) =>
        db.Incidents.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);

    public async Task<IReadOnlyDictionary<Guid, Incident>> FindIncidentsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        await db.Incidents.Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);

    public Task<Incident?> FindIncidentByNumberAsync(string number, CancellationToken cancellationToken) =>
        db.Incidents.FirstOrDefaultAsync(i => i.Number == number, cancellationToken);

    public async Task<PagedResult<Incident>> SearchIncidentsAsync(IncidentQuery query, CancellationToken cancellationToken)
    {
        var incidents = db.Incidents.AsNoTracking();
        if (query.State is { } state)
        {
            incidents = incidents.Where(i => i.State == state);
        }

        if (query.Priority is { } priority)
        {
            incidents = incidents.Where(i => i.Priority == priority);
        }

        if (query.Service is { Length: > 0 } service)
        {
            incidents = incidents.Where(i => i.Service == service);
        }

        if (query.Assignee is { Length: > 0 } assignee)
        {
            incidents = incidents.Where(i => i.Assignee == assignee);
        }

        if (query.ProblemId is { } problemId)
        {
            incidents = incidents.Where(i => i.ProblemId == problemId);
        }

        if (query.Text is { Length: > 0 } text)
        {
            var lower = text.Trim().ToLowerInvariant();
            var number = text.Trim().ToUpperInvariant();
            incidents = incidents.Where(i =>
                i.Number == number || i.Title.ToLower().Contains(lower) || (i.Description != null && i.Description.ToLower().Contains(lower)));
        }

        var total = await incidents.CountAsync(cancellationToken);
        var items = await incidents
            .OrderByDescending(i => i.Number)
            .Skip((query.Page - 1) * query.PageSize)
            .Take(query.PageSize)
            .ToListAsync(cancellationToken);
        return new PagedResult<Incident>(items, total, query.Page, query.PageSize);
    }

    public async Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync(Guid incidentId, CancellationToken cancellationToken) =>
        await db.TimelineEntries.AsNoTracking()
            .Where(e => e.IncidentId == incidentId)
            .OrderBy(e => e.Id)
            .ToListAsync(cancellationToken);

    public Task<Problem?> FindProblemAsync(Guid id, CancellationToken cancellationToken) =>
        db.Problems.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);

    public async Task<PagedResult<Problem>> ListProblemsAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        var total = await db.Problems.CountAsync(cancellationToken);
        var items = await db.Problems.AsNoTracking()
            .OrderByDescending(p => p.Number)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .ToListAsync(cancellationToken);
        return new PagedResult<Problem>(items, total, page, pageSize);
    }

    public async Task<IReadOnlyList<Incident>> FindIncidentsOfProblemAsync(Guid problemId, CancellationToken cancellationToken) =>
        await db.Incidents.Where(i => i.ProblemId == problemId).ToListAsync(cancellationToken);

    public async Task<string> NextNumberAsync(string prefix, CancellationToken cancellationToken)
    {
        // One atomic statement on both SQLite and PostgreSQL; concurrent callers serialise on the row.
        var next = await db.Database
            .SqlQuery<long>($"""UPDATE "NumberSequences" SET "Last" = "Last" + 1 WHERE "Prefix" = {prefix} RETURNING "Last" AS "Value" """)
            .ToListAsync(cancellationToken);
        return next.Count == 1
            ? $"{prefix}{next[0]:D7}"
            : throw new InvalidOperationException($"Number sequence '{prefix}' does not exist.");
    }

    public void Add(Incident incident) => db.Incidents.Add(incident);

    public void Add(Problem problem) => db.Problems.Add(problem);

    public async Task<IReadOnlyList<SlaClock>> FindSlaClocksAsync(Guid incidentId, CancellationToken cancellationToken) =>
        await db.SlaClocks.Where(c => c.IncidentId == incidentId).ToListAsync(cancellationToken);

    public async Task CommitAsync(CancellationToken cancellationToken, IReadOnlyList<SlaClock>? scheduleAlso = null)
    {
        var incidents = db.ChangeTracker.Entries<Incident>().Select(e => e.Entity).ToList();
        var raised = 0;
        var moved = new List<SlaClock>(scheduleAlso ?? []);
        SlaRules? rules = null;
        foreach (var incident in incidents.Where(i => i.NewTimelineEntries.Count > 0))
        {
            db.TimelineEntries.AddRange(incident.NewTimelineEntries);
            var events = IncidentEvents.Of(incident, incident.NewTimelineEntries, clock.GetUtcNow());
            db.IncidentEventOutbox.AddRange(events);
            raised += events.Count;
            if (incident.NewTimelineEntries.Any(SlaTracker.Moves))
            {
                rules ??= (await slaRules.GetAsync(slaSettings, cancellationToken)).Rules;
                var clocks = db.Entry(incident).State == EntityState.Added ? [] : (await FindSlaClocksAsync(incident.Id, cancellationToken)).ToList();
                var known = clocks.ToHashSet();
                var changed = SlaTracker.Apply(incident, incident.NewTimelineEntries, clocks, rules);
                db.SlaClocks.AddRange(changed.Where(c => !known.Contains(c)));
                moved.AddRange(changed);
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException conflict)
        {
            throw await StaleVersionAsync(conflict, cancellationToken);
        }

        incidents.ForEach(i => i.ClearNewTimelineEntries());
        if (raised > 0)
        {
            outbox.Notify();
        }

        if (moved.Count > 0)
        {
            // Scheduled off this request, once the caller's transaction (intake keeps one open) has committed: Quartz
            // writes to the same database. A crash before loses no milestone: the start-up sweep schedules it.
            rules ??= (await slaRules.GetAsync(slaSettings, cancellationToken)).Rules;
            slaTimers.Enqueue(moved.Distinct().Select(c => SlaTimer.Of(c, rules)).ToList());
        }
    }

    private static async Task<StaleVersionException> StaleVersionAsync(DbUpdateConcurrencyException conflict, CancellationToken cancellationToken)
    {
        var entry = conflict.Entries[0];
        var resource = entry.Entity is Problem ? "problem" : "incident";
        var expected = (int)entry.OriginalValues["Version"]!;
        var current = await entry.GetDatabaseValuesAsync(cancellationToken);
        return new StaleVersionException(resource, expected, current is null ? -1 : (int)current["Version"]!);
    }
}
