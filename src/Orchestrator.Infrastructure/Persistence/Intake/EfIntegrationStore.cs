using Microsoft.EntityFrameworkCore;
using Orchestrator.Incidents.Errors;
using Orchestrator.Incidents.Intake;
using Orchestrator.Incidents.Intake.Storage;

namespace Orchestrator.Infrastructure.Persistence.Intake;

/// <summary>EF Core implementation of <see cref="IIntegrationStore"/>; scoped.</summary>
internal sealed class EfIntegrationStore(OrchestratorDbContext db) : IIntegrationStore
{
    public Task<Integration?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Integrations.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);

    public Task<Integration?> FindByKeyAsync(string key, CancellationToken cancellationToken) =>
        db.Integrations.AsNoTracking().FirstOrDefaultAsync(i => i.Key == key, cancellationToken);

    public async Task<IReadOnlyList<Integration>> ListAsync(CancellationToken cancellationToken) =>
        await db.Integrations.AsNoTracking().OrderBy(i => i.Name).ThenBy(i => i.Id).ToListAsync(cancellationToken);

    public Task<bool> NameTakenAsync(string name, Guid? exceptId, CancellationToken cancellationToken) =>
        db.Integrations.AnyAsync(i => i.Name == name && i.Id != exceptId, cancellationToken);

    public void Add(Integration integration) => db.Integrations.Add(integration);

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && IsUniqueViolation(e))
        {
            throw new ConflictException("name", "An integration with this name was created at the same time; choose another name.");
        }
        catch (DbUpdateConcurrencyException conflict)
        {
            var entry = conflict.Entries[0];
            var current = await entry.GetDatabaseValuesAsync(cancellationToken);
            throw new StaleVersionException("integration", (int)entry.OriginalValues["Version"]!, current is null ? -1 : (int)current["Version"]!);
        }
    }

    private static bool IsUniqueViolation(DbUpdateException e) =>
        e.InnerException is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 } or Npgsql.PostgresException { SqlState: "23505" };
}
