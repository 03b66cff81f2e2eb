using Microsoft.Data.Sqlite;

namespace Orchestrator.Bench;

/// <summary>A throw-away SQLite file in the temp folder, opened with the server's settings (WAL, synchronous=NORMAL).</summary>
internal sealed class TempSqliteFile : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"orchestrator-probe-{Guid.NewGuid():N}.db");

    public TempSqliteFile()
    {
        Connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        Connection.Open();
        using var pragma = Connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;";
        pragma.ExecuteNonQuery();
    }

    public SqliteConnection Connection { get; }

    public void Dispose()
    {
        Connection.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
