namespace Orchestrator.Infrastructure.Persistence;

/// <summary>The database engines Orchestrator runs on.</summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}
