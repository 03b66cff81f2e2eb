namespace Orchestrator.Infrastructure.Persistence;

/// <summary>Configuration section <c>Orchestrator:Database</c>.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>For SQLite, defaults to <c>orchestrator.db</c> in the data directory; required for PostgreSQL.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The connection string to use: the configured one, or for SQLite the default file in the data directory.</summary>
    public string ResolveConnectionString(string dataDirectory) =>
        ConnectionString ?? (Provider == DatabaseProvider.Sqlite
            ? new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, "orchestrator.db"), Pooling = true }.ToString()
            : throw new InvalidOperationException("Orchestrator:Database:ConnectionString is required when Orchestrator:Database:Provider is PostgreSql."));
}
