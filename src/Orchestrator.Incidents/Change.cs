namespace Orchestrator.Incidents;

/// <summary>Who makes a change and when: stamped on every timeline entry the change writes.</summary>
public sealed record Change(string Actor, DateTimeOffset At);
