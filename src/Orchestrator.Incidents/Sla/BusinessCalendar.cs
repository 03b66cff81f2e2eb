using System.Globalization;
using Orchestrator.Incidents.Errors;

namespace Orchestrator.Incidents.Sla;

/// <summary>
/// When SLA clocks run: working hours per weekday in an IANA time zone, minus holidays. <c>24x7</c> runs always.
/// Converts "N working minutes after T" into a wall-clock time and back, across nights, weekends, holidays and DST.
/// </summary>
public sealed class BusinessCalendar
{
    /// <summary>The calendar that never stops.</summary>
    public const string AlwaysName = "24x7";

    private const int MaxDays = 366 * 10;
    private static readonly string[] DayKeys = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    private readonly Dictionary<DayOfWeek, (TimeSpan From, TimeSpan To)[]> _week;
    private readonly HashSet<DateOnly> _holidays;
    private readonly TimeZoneInfo _zone;

    private BusinessCalendar(string name, TimeZoneInfo zone, Dictionary<DayOfWeek, (TimeSpan, TimeSpan)[]> week, HashSet<DateOnly> holidays, bool always)
    {
        Name = name;
        _zone = zone;
        _week = week;
        _holidays = holidays;
        IsAlways = always;
    }

    public string Name { get; }

    public bool IsAlways { get; }

    public static BusinessCalendar Always { get; } = new(AlwaysName, TimeZoneInfo.Utc, [], [], always: true);

    /// <summary>Builds a calendar from its settings; a bad zone, range or date throws <see cref="InvalidFieldException"/>
    /// naming <paramref name="field"/>.</summary>
    public static BusinessCalendar From(SlaCalendarSettings settings, string field)
    {
        if (string.IsNullOrWhiteSpace(settings.Name))
        {
            throw new InvalidFieldException($"{field}.name", $"{field}.name is required.");
        }

        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZone ?? "UTC");
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new InvalidFieldException($"{field}.timeZone", $"{field}.timeZone '{settings.TimeZone}' is not an IANA time zone (e.g. Europe/Berlin, America/New_York, UTC).");
        }

        var week = new Dictionary<DayOfWeek, (TimeSpan, TimeSpan)[]>();
        foreach (var (key, ranges) in settings.Week ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            var index = Array.IndexOf(DayKeys, key.ToLowerInvariant());
            if (index < 0)
            {
                throw new InvalidFieldException($"{field}.week.{key}", $"{field}.week.{key}: use mon, tue, wed, thu, fri, sat or sun.");
            }

            week[(DayOfWeek)index] = ranges.Select(r => Range(r, $"{field}.week.{key}")).OrderBy(r => r.From).ToArray();
        }

        if (week.Values.All(r => r.Length == 0))
        {
            throw new InvalidFieldException($"{field}.week", $"{field}.week has no working hours: give at least one range, e.g. \"mon\": [\"09:00-17:00\"].");
        }

        var holidays = new HashSet<DateOnly>();
        foreach (var day in settings.Holidays ?? [])
        {
            holidays.Add(DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw new InvalidFieldException($"{field}.holidays", $"{field}.holidays: '{day}' is not a date like 2026-12-25."));
        }

        return new BusinessCalendar(settings.Name.Trim(), zone, week, holidays, always: false);
    }

    /// <summary>The time <paramref name="minutes"/> working minutes after <paramref name="start"/>.</summary>
    public DateTimeOffset AddWorkingMinutes(DateTimeOffset start, double minutes)
    {
        if (IsAlways || minutes <= 0)
        {
            return start.AddMinutes(Math.Max(0, minutes));
        }

        var left = TimeSpan.FromMinutes(minutes);
        foreach (var (from, to) in Intervals(start))
        {
            var available = to - from;
            if (left <= available)
            {
                return from + left;
            }

            left -= available;
        }

        throw new InvalidOperationException($"Calendar {Name} has no working time within {MaxDays} days.");
    }

    /// <summary>Working minutes between two times (0 when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public double WorkingMinutesBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return 0;
        }

        if (IsAlways)
        {
            return (to - from).TotalMinutes;
        }

        var total = TimeSpan.Zero;
        foreach (var (start, end) in Intervals(from))
        {
            if (start >= to)
            {
                break;
            }

            total += (end < to ? end : to) - start;
        }

        return total.TotalMinutes;
    }

    /// <summary>The working intervals from <paramref name="start"/> on, in UTC, clipped to begin at it.</summary>
    private IEnumerable<(DateTimeOffset From, DateTimeOffset To)> Intervals(DateTimeOffset start)
    {
        var localStart = TimeZoneInfo.ConvertTime(start, _zone);
        var day = DateOnly.FromDateTime(localStart.DateTime);
        for (var i = 0; i < MaxDays; i++, day = day.AddDays(1))
        {
            if (_holidays.Contains(day) || !_week.TryGetValue(day.DayOfWeek, out var ranges))
            {
                continue;
            }

            foreach (var (from, to) in ranges)
            {
                var utcFrom = ToUtc(day, from);
                var utcTo = ToUtc(day, to);
                if (utcTo <= start)
                {
                    continue;
                }

                yield return (utcFrom < start ? start : utcFrom, utcTo);
            }
        }
    }

    private DateTimeOffset ToUtc(DateOnly day, TimeSpan time)
    {
        var local = day.ToDateTime(TimeOnly.MinValue).Add(time);
        while (_zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30); // a time skipped by a DST change starts when the clock resumes
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, _zone), TimeSpan.Zero);
    }

    private static (TimeSpan From, TimeSpan To) Range(string text, string field)
    {
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length == 2 && Time(parts[0]) is { } from && Time(parts[1]) is { } to && to > from)
        {
            return (from, to);
        }

        throw new InvalidFieldException(field, $"{field}: '{text}' is not a range like 09:00-17:00 (24:00 ends at midnight).");
    }

    private static TimeSpan? Time(string text) =>
        text == "24:00" ? TimeSpan.FromHours(24)
        : TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time.ToTimeSpan()
        : null;
}
