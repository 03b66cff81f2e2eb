using System.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Orchestrator.Bench;

/// <summary>The single-row commit rate through the same stack the runtime uses: EF Core SaveChanges on SQLite (WAL, synchronous=NORMAL).</summary>
internal static class EfCommitProbe
{
    public static double CommitsPerSecond(TimeSpan duration)
    {
        using var file = new TempSqliteFile();
        using var db = new ProbeContext(new DbContextOptionsBuilder<ProbeContext>().UseSqlite(file.Connection).Options);
        db.Database.EnsureCreated();
        var count = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            db.Rows.Add(new ProbeRow { Value = "row" });
            db.SaveChanges();
            db.ChangeTracker.Clear();
            count++;
        }

        return count / clock.Elapsed.TotalSeconds;
    }

    private sealed class ProbeContext(DbContextOptions<ProbeContext> options) : DbContext(options)
    {
        public DbSet<ProbeRow> Rows => Set<ProbeRow>();
    }

    private sealed class ProbeRow
    {
        public long Id { get; set; }

        public required string Value { get; set; }
    }
}
