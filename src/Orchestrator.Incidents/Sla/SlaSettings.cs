using Orchestrator.Incidents.Errors;

namespace Orchestrator.Incidents.Sla;

/// <summary>A target per priority: minutes to respond and to resolve, counted on a calendar.</summary>
public sealed record SlaPolicySettings(int Priority, double ResponseMinutes, double ResolutionMinutes, string? Calendar = null);

/// <summary>A working calendar: per weekday (<c>mon</c> … <c>sun</c>) the ranges like <c>09:00-17:00</c>, in an IANA zone.</summary>
public sealed record SlaCalendarSettings(string Name, string? TimeZone, IReadOnlyDictionary<string, IReadOnlyList<string>>? Week, IReadOnlyList<string>? Holidays);

/// <summary>
/// The SLA policies and calendars (<c>GET|PUT /api/settings/sla</c>). <see cref="Default"/> is 24×7 with ServiceNow-like
/// targets. <see cref="Validate"/> checks everything and names the field at fault.
/// </summary>
public sealed record SlaSettings(IReadOnlyList<SlaPolicySettings> Policies, IReadOnlyList<SlaCalendarSettings> Calendars)
{
    public static SlaSettings Default { get; } = new(
    [
        new(1, 15, 4 * 60, BusinessCalendar.AlwaysName),
        new(2, 30, 8 * 60, BusinessCalendar.AlwaysName),
        new(3, 4 * 60, 24 * 60, BusinessCalendar.AlwaysName),
        new(4, 24 * 60, 7 * 24 * 60, BusinessCalendar.AlwaysName),
        new(5, 3 * 24 * 60, 28 * 24 * 60, BusinessCalendar.AlwaysName),
    ],
    [
        new("business-hours", "UTC", new Dictionary<string, IReadOnlyList<string>>
        {
            ["mon"] = ["09:00-17:00"], ["tue"] = ["09:00-17:00"], ["wed"] = ["09:00-17:00"], ["thu"] = ["09:00-17:00"], ["fri"] = ["09:00-17:00"],
        }, []),
    ]);

    /// <summary>The checked, ready-to-use form; throws <see cref="InvalidFieldException"/> naming the field.</summary>
    public SlaRules Validate()
    {
        if (Policies is null || Calendars is null)
        {
            throw new InvalidFieldException(Policies is null ? "policies" : "calendars", "policies and calendars are required.");
        }

        var calendars = new Dictionary<string, BusinessCalendar>(StringComparer.Ordinal) { [BusinessCalendar.AlwaysName] = BusinessCalendar.Always };
        for (var i = 0; i < Calendars.Count; i++)
        {
            var calendar = BusinessCalendar.From(Calendars[i], $"calendars[{i}]");
            if (!calendars.TryAdd(calendar.Name, calendar))
            {
                throw new InvalidFieldException($"calendars[{i}].name", $"calendars[{i}].name '{calendar.Name}' is used twice ('{BusinessCalendar.AlwaysName}' is built in).");
            }
        }

        var policies = new Dictionary<int, (SlaPolicySettings Policy, BusinessCalendar Calendar)>();
        for (var i = 0; i < Policies.Count; i++)
        {
            var p = Policies[i];
            var field = $"policies[{i}]";
            if (p.Priority is < 1 or > 5)
            {
                throw new InvalidFieldException($"{field}.priority", $"{field}.priority must be 1–5; got {p.Priority}.");
            }

            if (!(p.ResponseMinutes > 0) || !(p.ResolutionMinutes > 0) || !double.IsFinite(p.ResponseMinutes + p.ResolutionMinutes))
            {
                throw new InvalidFieldException(!(p.ResponseMinutes > 0) ? $"{field}.responseMinutes" : $"{field}.resolutionMinutes",
                    $"{field}: responseMinutes and resolutionMinutes must be more than 0.");
            }

            var name = p.Calendar ?? BusinessCalendar.AlwaysName;
            if (!calendars.TryGetValue(name, out var calendar))
            {
                throw new InvalidFieldException($"{field}.calendar", $"{field}.calendar '{name}' is not defined: use {string.Join(", ", calendars.Keys)}.");
            }

            if (!policies.TryAdd(p.Priority, (p, calendar)))
            {
                throw new InvalidFieldException($"{field}.priority", $"{field}.priority {p.Priority} has a policy already.");
            }
        }

        return new SlaRules(policies);
    }
}

/// <summary>Validated SLA settings: the target and calendar of each priority that has a policy.</summary>
public sealed class SlaRules(IReadOnlyDictionary<int, (SlaPolicySettings Policy, BusinessCalendar Calendar)> policies)
{
    /// <summary>The clock's target for the priority, or null when the priority has no policy (no clock runs).</summary>
    public (double TargetMinutes, BusinessCalendar Calendar)? For(int priority, SlaClockKind kind) =>
        policies.TryGetValue(priority, out var p)
            ? (kind == SlaClockKind.Response ? p.Policy.ResponseMinutes : p.Policy.ResolutionMinutes, p.Calendar)
            : null;

    public BusinessCalendar? Calendar(string name) =>
        policies.Values.Select(p => p.Calendar).FirstOrDefault(c => c.Name == name) ?? (name == BusinessCalendar.AlwaysName ? BusinessCalendar.Always : null);
}
