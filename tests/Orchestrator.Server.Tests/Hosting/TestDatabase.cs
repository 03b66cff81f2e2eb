using Npgsql;

namespace Orchestrator.Server.Tests.Hosting;

/// <summary>A database the test owns: a SQLite file in a temp folder, or a new database on the PostgreSQL server
/// named by the <c>ORCHESTRATOR_TEST_POSTGRES</c> connection string (started by .ci/run). Dropped on dispose.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "ORCHESTRATOR_TEST_POSTGRES";

    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;

    private TestDatabase(string provider, string? connectionString, string? postgresAdmin = null, string? postgresName = null)
    {
        Provider = provider;
        DataDirectory = Path.Combine(Path.GetTempPath(), "orchestrator-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        ConnectionString = connectionString ?? $"Data Source={Path.Combine(DataDirectory, "orchestrator.db")};Pooling=False";
        _postgresAdmin = postgresAdmin;
        _postgresName = postgresName;
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    public string DataDirectory { get; }

    public static string? PostgresConnectionString => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } cs ? cs : null;

    public static TestDatabase Sqlite() => new("Sqlite", null);

    /// <summary>A SQLite database that starts as a copy of <paramref name="databaseFile"/> (e.g. a file an earlier version wrote).</summary>
    public static TestDatabase SqliteFrom(string databaseFile)
    {
        var database = Sqlite();
        File.Copy(databaseFile, Path.Combine(database.DataDirectory, "orchestrator.db"));
        return database;
    }

    public static TestDatabase PostgreSql()
    {
        var admin = PostgresConnectionString ?? throw new InvalidOperationException($"Set {PostgresVariable} to run PostgreSQL tests.");
        var name = $"orchestrator_test_{Guid.NewGuid():N}";
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false }.ToString();
        return new TestDatabase("PostgreSql", connectionString, admin, name);
    }

    public static TestDatabase For(string provider) => provider == "PostgreSql" ? PostgreSql() : Sqlite();

    /// <summary>The server's migrations create the schema; PostgreSQL needs the empty database first.</summary>
    public async Task CreateAsync()
    {
        if (_postgresName is null)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(_postgresAdmin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{_postgresName}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresName is not null)
        {
            await using var connection = new NpgsqlConnection(_postgresAdmin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finalising connection; the temp folder is cleaned by the OS.
        }
    }
}
