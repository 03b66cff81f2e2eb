using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Orchestrator.Incidents;
using Orchestrator.Incidents.Intake;
using Orchestrator.Incidents.Intake.Storage;
using Orchestrator.Incidents.Lifecycle;
using Orchestrator.Incidents.Storage;

namespace Orchestrator.Infrastructure.Persistence.Intake;

/// <summary>EF Core implementation of <see cref="IAlertStore"/>; scoped, sharing the context with the incident store.</summary>
internal sealed class EfAlertStore(OrchestratorDbContext db, IntakeLocks locks) : IAlertStore
{
    public async Task<IIntakeTransaction> BeginIntakeAsync(Guid integrationId, CancellationToken cancellationToken)
    {
        var gate = locks.For(integrationId);
        await gate.WaitAsync(cancellationToken);
        try
        {
            // SQLite: Microsoft.Data.Sqlite begins IMMEDIATE, taking the write lock now, so reads below see the latest
            // state of every process. PostgreSQL: a transaction-scoped advisory lock per integration serialises nodes.
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (db is PostgreSqlOrchestratorDbContext)
            {
                var key = BitConverter.ToInt64(integrationId.ToByteArray(), 8);
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", cancellationToken);
            }

            return new IntakeTransaction(transaction, gate);
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    public async Task<IReadOnlyList<Alert>> FindOpenAsync(Guid integrationId, IReadOnlyCollection<string> fingerprints, CancellationToken cancellationToken) =>
        fingerprints.Count == 0
            ? []
            : await db.Alerts
                .Where(a => a.IntegrationId == integrationId && a.Status != AlertStatus.Resolved && fingerprints.Contains(a.Fingerprint))
                .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Alert>> PeekOpenAsync(Guid integrationId, IReadOnlyCollection<string> fingerprints, CancellationToken cancellationToken) =>
        fingerprints.Count == 0
            ? []
            : await db.Alerts.AsNoTracking()
                .Where(a => a.IntegrationId == integrationId && a.Status != AlertStatus.Resolved && fingerprints.Contains(a.Fingerprint))
                .ToListAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<string, Alert>> FindLatestAsync(Guid integrationId, IReadOnlyCollection<string> fingerprints, CancellationToken cancellationToken)
    {
        if (fingerprints.Count == 0)
        {
            return new Dictionary<string, Alert>();
        }

        var all = await db.Alerts.AsNoTracking()
            .Where(a => a.IntegrationId == integrationId && fingerprints.Contains(a.Fingerprint))
            .ToListAsync(cancellationToken);
        return all.GroupBy(a => a.Fingerprint, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MaxBy(a => a.FirstSeenAt)!, StringComparer.Ordinal);
    }

    public async Task<Guid?> FindGroupIncidentAsync(Guid integrationId, string groupKey, DateTimeOffset openedSince, CancellationToken cancellationToken)
    {
        var ids = await (
                from alert in db.Alerts
                join incident in db.Incidents on alert.IncidentId equals incident.Id
                where alert.IntegrationId == integrationId && alert.GroupKey == groupKey
                      && incident.State != IncidentState.Resolved && incident.State != IncidentState.Closed && incident.State != IncidentState.Cancelled
                      && incident.CreatedAt >= openedSince
                orderby incident.CreatedAt descending
                select incident.Id)
            .Take(1)
            .ToListAsync(cancellationToken);
        return ids.Count == 0 ? null : ids[0];
    }

    public async Task<IReadOnlyList<Alert>> FindOpenOfIncidentsAsync(IReadOnlyCollection<Guid> incidentIds, CancellationToken cancellationToken) =>
        await db.Alerts.Where(a => incidentIds.Contains(a.IncidentId) && a.Status != AlertStatus.Resolved).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Incident>> FindActiveIncidentsOfServiceAsync(string service, CancellationToken cancellationToken) =>
        await db.Incidents
            .Where(i => i.Service == service && i.State != IncidentState.Closed && i.State != IncidentState.Cancelled)
            .ToListAsync(cancellationToken);

    public Task<Alert?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Alerts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);

    public async Task<PagedResult<Alert>> SearchAsync(AlertQuery query, CancellationToken cancellationToken)
    {
        var alerts = db.Alerts.AsNoTracking();
        if (query.IntegrationId is { } integrationId)
        {
            alerts = alerts.Where(a => a.IntegrationId == integrationId);
        }

        if (query.IncidentId is { } incidentId)
        {
            alerts = alerts.Where(a => a.IncidentId == incidentId);
        }

        if (query.Status is { } status)
        {
            alerts = alerts.Where(a => a.Status == status);
        }

        var total = await alerts.CountAsync(cancellationToken);
        var items = await alerts
            .OrderByDescending(a => a.FirstSeenAt).ThenByDescending(a => a.Id)
            .Skip((query.Page - 1) * query.PageSize)
            .Take(query.PageSize)
            .ToListAsync(cancellationToken);
        return new PagedResult<Alert>(items, total, query.Page, query.PageSize);
    }

    public void Add(Alert alert) => db.Alerts.Add(alert);

    public void Add(AlertEventBatch events) => db.AlertEventOutbox.Add(events);

    private sealed class IntakeTransaction(IDbContextTransaction transaction, SemaphoreSlim gate) : IIntakeTransaction
    {
        private bool _released;

        public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

        public async ValueTask DisposeAsync()
        {
            try
            {
                await transaction.DisposeAsync();
            }
            finally
            {
                if (!_released)
                {
                    _released = true;
                    gate.Release();
                }
            }
        }
    }
}
