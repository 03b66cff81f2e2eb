using System.Globalization;

namespace Orchestrator.Server.Components.Runs;

/// <summary>Times and durations as the run pages show them (UTC, as the server stores them).</summary>
public static class Times
{
    public static string At(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    public static string Clock(DateTimeOffset at) => at.UtcDateTime.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);

    public static string Span(TimeSpan span) => span.TotalMilliseconds switch
    {
        < 1 => "< 1 ms",
        < 1000 => $"{span.TotalMilliseconds:0} ms",
        < 60_000 => $"{span.TotalSeconds:0.0} s",
        < 3_600_000 => $"{(int)span.TotalMinutes} min {span.Seconds} s",
        _ => $"{(int)span.TotalHours} h {span.Minutes} min",
    };
}
