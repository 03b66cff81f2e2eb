namespace Orchestrator.Infrastructure.Persistence;

/// <summary>Configuration section <c>Orchestrator:Database</c>.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>For SQLite, defaults to <c>orchestrator.db</c> in the data directory; required for PostgreSQL.</summary>
    public string? ConnectionString { get; set; }
}
