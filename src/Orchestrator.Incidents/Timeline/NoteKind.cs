namespace Orchestrator.Incidents.Timeline;

/// <summary>Work notes are for the people working the incident; comments are visible to the caller.</summary>
public enum NoteKind
{
    WorkNote,
    Comment,
}
