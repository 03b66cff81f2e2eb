using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Incidents.Sla;
using Orchestrator.Infrastructure.Persistence;

namespace Orchestrator.Infrastructure.Sla;

/// <summary>The SLA settings as one JSON document in the <c>Settings</c> table.</summary>
internal sealed class EfSlaSettingsStore(OrchestratorDbContext db, TimeProvider clock) : ISlaSettingsStore
{
    private const string Key = "sla";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<SlaSettings?> GetAsync(CancellationToken cancellationToken) =>
        await db.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.Key == Key, cancellationToken) is { } record
            ? JsonSerializer.Deserialize<SlaSettings>(record.Json, Json)
            : null;

    public async Task SaveAsync(SlaSettings settings, string actor, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(settings, Json);
        var record = await db.Settings.FirstOrDefaultAsync(s => s.Key == Key, cancellationToken);
        if (record is null)
        {
            db.Settings.Add(new SettingRecord { Key = Key, Json = json, UpdatedAt = clock.GetUtcNow(), UpdatedBy = actor });
        }
        else
        {
            (record.Json, record.UpdatedAt, record.UpdatedBy) = (json, clock.GetUtcNow(), actor);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
