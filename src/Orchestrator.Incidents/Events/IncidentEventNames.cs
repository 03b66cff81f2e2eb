namespace Orchestrator.Incidents.Events;

/// <summary>The incident events workflows react to (CONTRACT.md "Incident events"); the names are public.</summary>
public static class IncidentEventNames
{
    public const string Created = "incident.created";
    public const string Transitioned = "incident.transitioned";
    public const string PriorityChanged = "incident.priorityChanged";
    public const string Assigned = "incident.assigned";
    public const string MajorDeclared = "incident.majorDeclared";
    public const string SlaWarning = "incident.slaWarning";
    public const string SlaBreached = "incident.slaBreached";
    public const string Verified = "incident.verified";

    /// <summary>Every incident event a trigger can name, in lifecycle order.</summary>
    public static IReadOnlyList<string> All { get; } = [Created, Transitioned, PriorityChanged, Assigned, MajorDeclared, SlaWarning, SlaBreached, Verified];
}
