namespace Orchestrator.Incidents.Timeline;

/// <summary>
/// One append-only record on an incident's timeline: who changed what, and when.
/// <see cref="Data"/> holds the machine-readable detail (for example <c>from</c> and <c>to</c>).
/// </summary>
public sealed class TimelineEntry
{
    private TimelineEntry()
    {
        Actor = Summary = string.Empty;
        Data = new Dictionary<string, string?>();
    }

    internal TimelineEntry(Guid incidentId, Change change, TimelineEntryKind kind, string summary, IReadOnlyDictionary<string, string?> data)
    {
        IncidentId = incidentId;
        At = change.At;
        Actor = change.Actor;
        Kind = kind;
        Summary = summary;
        Data = data;
    }

    /// <summary>Store-assigned, increasing in the order entries were written.</summary>
    public long Id { get; private set; }

    public Guid IncidentId { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string Actor { get; private set; }

    public TimelineEntryKind Kind { get; private set; }

    public string Summary { get; private set; }

    public IReadOnlyDictionary<string, string?> Data { get; private set; }
}
