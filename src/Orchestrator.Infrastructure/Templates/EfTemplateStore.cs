using Microsoft.EntityFrameworkCore;
using Orchestrator.Infrastructure.Persistence;
using Orchestrator.Templating.Templates;

namespace Orchestrator.Infrastructure.Templates;

/// <summary>EF Core implementation of <see cref="ITemplateStore"/>.</summary>
internal sealed class EfTemplateStore(OrchestratorDbContext db) : ITemplateStore
{
    public async Task<IReadOnlyList<StoredTemplate>> ListAsync(CancellationToken cancellationToken) =>
        (await db.Templates.AsNoTracking().OrderBy(t => t.Name).ToListAsync(cancellationToken)).Select(ToStored).ToList();

    public async Task<StoredTemplate?> FindAsync(string name, CancellationToken cancellationToken) =>
        await db.Templates.AsNoTracking().FirstOrDefaultAsync(t => t.Name == name, cancellationToken) is { } record ? ToStored(record) : null;

    public async Task SaveAsync(StoredTemplate template, CancellationToken cancellationToken)
    {
        var record = await db.Templates.FirstOrDefaultAsync(t => t.Name == template.Name, cancellationToken);
        if (record is null)
        {
            db.Templates.Add(new TemplateRecord { Name = template.Name, Content = template.Content, UpdatedAt = template.UpdatedAt, UpdatedBy = template.UpdatedBy });
        }
        else
        {
            (record.Content, record.UpdatedAt, record.UpdatedBy) = (template.Content, template.UpdatedAt, template.UpdatedBy);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken) =>
        await db.Templates.Where(t => t.Name == name).ExecuteDeleteAsync(cancellationToken) > 0;

    private static StoredTemplate ToStored(TemplateRecord record) => new(record.Name, record.Content, record.UpdatedAt, record.UpdatedBy);
}
