using System.Globalization;
using System.Text.Json.Nodes;
using Orchestrator.Incidents.Major;
using Orchestrator.Incidents.Timeline;

namespace Orchestrator.Incidents.Events;

/// <summary>
/// Which events a change raises, read from the timeline entries it wrote: the timeline is the one record of what
/// changed, so an event can never disagree with it. Each payload carries <c>incident</c> as the whole change left it.
/// </summary>
public static class IncidentEvents
{
    public static IReadOnlyList<IncidentEvent> Of(Incident incident, IReadOnlyList<TimelineEntry> entries, DateTimeOffset at)
    {
        List<IncidentEvent>? events = null;
        JsonObject? snapshot = null;
        foreach (var entry in entries)
        {
            if (Raised(entry) is not var (name, fields))
            {
                continue;
            }

            fields["incident"] = (snapshot ??= IncidentSnapshot.Of(incident)).DeepClone();
            (events ??= []).Add(new IncidentEvent(incident.Id, name, fields, at));
        }

        return events ?? (IReadOnlyList<IncidentEvent>)[];
    }

    private static (string Name, JsonObject Fields)? Raised(TimelineEntry entry)
    {
        var data = entry.Data;
        return entry.Kind switch
        {
            TimelineEntryKind.Created => (IncidentEventNames.Created, []),
            TimelineEntryKind.StateChanged => (IncidentEventNames.Transitioned, new JsonObject { ["from"] = data.GetValueOrDefault("from"), ["to"] = data.GetValueOrDefault("to") }),
            TimelineEntryKind.FieldChanged when data.GetValueOrDefault("field") == "priority" =>
                (IncidentEventNames.PriorityChanged, new JsonObject { ["from"] = Number(data.GetValueOrDefault("from")), ["to"] = Number(data.GetValueOrDefault("to")) }),
            TimelineEntryKind.AssignmentChanged =>
                (IncidentEventNames.Assigned, new JsonObject { ["group"] = data.GetValueOrDefault("toGroup"), ["assignee"] = data.GetValueOrDefault("toAssignee") }),
            TimelineEntryKind.Verification => (IncidentEventNames.Verified, new JsonObject { ["confirmed"] = data.GetValueOrDefault("confirmed") == "true", ["comment"] = data.GetValueOrDefault("comment") }),
            TimelineEntryKind.SlaWarning => (IncidentEventNames.SlaWarning, new JsonObject { ["clock"] = data.GetValueOrDefault("clock"), ["percent"] = Number(data.GetValueOrDefault("percent")) }),
            TimelineEntryKind.SlaBreached => (IncidentEventNames.SlaBreached, new JsonObject { ["clock"] = data.GetValueOrDefault("clock") }),
            TimelineEntryKind.MajorIncident when data.GetValueOrDefault("to") == nameof(MajorIncidentStatus.Accepted) =>
                (IncidentEventNames.MajorDeclared, new JsonObject { ["reason"] = data.GetValueOrDefault("reason") }),
            _ => null,
        };
    }

    private static JsonNode? Number(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? JsonValue.Create(value) : null;
}
