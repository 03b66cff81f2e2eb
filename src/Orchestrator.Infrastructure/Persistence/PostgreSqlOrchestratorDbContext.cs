using Microsoft.EntityFrameworkCore;

namespace Orchestrator.Infrastructure.Persistence;

/// <summary>The context on PostgreSQL, for scale-out. Migrations live in Migrations/PostgreSql.</summary>
public sealed class PostgreSqlOrchestratorDbContext(DbContextOptions<PostgreSqlOrchestratorDbContext> options) : OrchestratorDbContext(options);
