using Orchestrator.Incidents.Lifecycle;
using Orchestrator.Incidents.Timeline;

namespace Orchestrator.Incidents.Sla;

/// <summary>
/// Moves an incident's SLA clocks with the changes it records (read from the timeline entries, like its events):
/// creation starts both; the first Assigned or InProgress by a person stops Response; On Hold pauses Resolution and
/// leaving it resumes; Resolved, Closed or Cancelled stop them; a reopen resumes Resolution; a priority change
/// re-targets both with their start kept.
/// </summary>
public static class SlaTracker
{
    /// <returns>The clocks that changed or were created (to save and schedule).</returns>
    public static IReadOnlyList<SlaClock> Apply(Incident incident, IReadOnlyList<TimelineEntry> entries, List<SlaClock> clocks, SlaRules rules)
    {
        var changed = new List<SlaClock>();
        foreach (var entry in entries)
        {
            var data = entry.Data;
            switch (entry.Kind)
            {
                case TimelineEntryKind.Created:
                    foreach (var kind in Enum.GetValues<SlaClockKind>())
                    {
                        if (clocks.All(c => c.Kind != kind) && rules.For(incident.Priority, kind) is { } target)
                        {
                            var clock = new SlaClock(incident.Id, kind, target.TargetMinutes, target.Calendar.Name, entry.At);
                            clocks.Add(clock);
                            changed.Add(clock);
                        }
                    }

                    break;
                case TimelineEntryKind.StateChanged:
                    var from = data.GetValueOrDefault("from");
                    var to = data.GetValueOrDefault("to");
                    if (to is nameof(IncidentState.Assigned) or nameof(IncidentState.InProgress) && IsPerson(entry.Actor))
                    {
                        Change(clocks, SlaClockKind.Response, changed, rules, c => c.Stop(entry.At, CalendarOf(c, rules)));
                    }

                    if (to is nameof(IncidentState.Resolved) or nameof(IncidentState.Closed) or nameof(IncidentState.Cancelled))
                    {
                        Change(clocks, SlaClockKind.Response, changed, rules, c => c.Stop(entry.At, CalendarOf(c, rules)));
                        Change(clocks, SlaClockKind.Resolution, changed, rules, c => c.Stop(entry.At, CalendarOf(c, rules)));
                    }
                    else if (to == nameof(IncidentState.OnHold))
                    {
                        Change(clocks, SlaClockKind.Resolution, changed, rules, c => c.Pause(entry.At, CalendarOf(c, rules)));
                    }
                    else if (from is nameof(IncidentState.OnHold) or nameof(IncidentState.Resolved))
                    {
                        Change(clocks, SlaClockKind.Resolution, changed, rules, c => c.Resume(entry.At));
                    }

                    break;
                case TimelineEntryKind.FieldChanged when data.GetValueOrDefault("field") == "priority":
                    foreach (var clock in clocks.Where(c => c.StoppedAt is null))
                    {
                        if (rules.For(incident.Priority, clock.Kind) is { } target)
                        {
                            clock.Retarget(target.TargetMinutes, target.Calendar.Name);
                            changed.Add(clock);
                        }
                    }

                    break;
            }
        }

        return changed.Distinct().ToList();
    }

    /// <summary>Whether the entry can move a clock (creation, a state change, a new priority).</summary>
    public static bool Moves(TimelineEntry entry) =>
        entry.Kind is TimelineEntryKind.Created or TimelineEntryKind.StateChanged
        || (entry.Kind == TimelineEntryKind.FieldChanged && entry.Data.GetValueOrDefault("field") == "priority");

    /// <summary>The calendar a clock counts on; 24×7 when its calendar was removed from the settings since.</summary>
    public static BusinessCalendar CalendarOf(SlaClock clock, SlaRules rules) => rules.Calendar(clock.Calendar) ?? BusinessCalendar.Always;

    /// <summary>A change made by a person or an API key — not by a workflow run or an alert integration.</summary>
    public static bool IsPerson(string actor) => !WorkflowActor.IsWorkflow(actor) && !actor.StartsWith("integration:", StringComparison.Ordinal);

    private static void Change(List<SlaClock> clocks, SlaClockKind kind, List<SlaClock> changed, SlaRules rules, Action<SlaClock> change)
    {
        if (clocks.FirstOrDefault(c => c.Kind == kind) is { } clock)
        {
            change(clock);
            changed.Add(clock);
        }
    }
}
