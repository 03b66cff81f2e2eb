namespace Orchestrator.Server.Api.Errors;

/// <summary>Failures worth retrying: a busy or unreachable database. Answered with 503 and Retry-After, so senders
/// that retry on 5xx (Alertmanager, PagerDuty clients) deliver again instead of giving up.</summary>
internal static class TransientFailures
{
    public static bool IsTransient(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is System.Data.Common.DbException { IsTransient: true } or TimeoutException
                || e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 })
            {
                return true;
            }
        }

        return false;
    }
}
