using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Api.Errors;

namespace Orchestrator.Server.Tests.Api;

/// <summary>Which failures are answered 503 + Retry-After (so Alertmanager and PagerDuty clients send again).</summary>
public class TransientFailuresTests
{
    [Theory]
    [InlineData(5)] // SQLITE_BUSY
    [InlineData(6)] // SQLITE_LOCKED
    public void A_busy_or_locked_sqlite_database_is_transient_also_inside_an_ef_exception(int code)
    {
        var busy = new SqliteException("database is locked", code);

        TransientFailures.IsTransient(busy).Should().BeTrue();
        TransientFailures.IsTransient(new DbUpdateException("save failed", busy)).Should().BeTrue();
    }

    [Fact]
    public void Constraint_violations_and_bugs_are_not_transient()
    {
        TransientFailures.IsTransient(new SqliteException("UNIQUE constraint failed", 19)).Should().BeFalse();
        TransientFailures.IsTransient(new InvalidOperationException("bug")).Should().BeFalse();
    }
}
