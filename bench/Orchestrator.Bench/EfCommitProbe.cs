using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Orchestrator.Bench;

/// <summary>The single-row commit rate through the same stack the runtime uses: EF Core SaveChanges on SQLite (WAL, synchronous=NORMAL).</summary>
internal static class EfCommitProbe
{
    public static double CommitsPerSecond(TimeSpan duration)
    {
        var file = Path.Combine(Path.GetTempPath(), $"orchestrator-ef-{Guid.NewGuid():N}.db");
        try
        {
            using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
            connection.Open();
            using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;";
                pragma.ExecuteNonQuery();
            }

            using var db = new ProbeContext(new DbContextOptionsBuilder<ProbeContext>().UseSqlite(connection).Options);
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
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
        }
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
