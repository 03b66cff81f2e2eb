using Orchestrator.Incidents.Timeline;

namespace Orchestrator.Incidents;

public sealed partial class Incident
{
    /// <summary>Records an alert event from monitoring. Allowed in every state, Closed included: the timeline is the
    /// record of what the source said, even after the incident is done.</summary>
    internal void RecordAlert(string summary, Change change, params (string Key, string? Value)[] data)
    {
        Record(change, TimelineEntryKind.Alert, summary, data);
        Touch(change);
    }

    /// <summary>Records a change (deploy, configuration change) reported for the incident's service.</summary>
    internal void RecordChangeEvent(string summary, Change change, params (string Key, string? Value)[] data)
    {
        Record(change, TimelineEntryKind.ChangeEvent, summary, data);
        Touch(change);
    }
}
