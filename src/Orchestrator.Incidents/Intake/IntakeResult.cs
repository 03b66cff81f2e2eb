namespace Orchestrator.Incidents.Intake;

/// <summary>What one intake request did.</summary>
/// <param name="Opened">Alerts that opened or joined an incident.</param>
/// <param name="Updated">Alerts repeated, acknowledged or resolved.</param>
/// <param name="Unchanged">Replays and events for alerts that are not open: nothing changed.</param>
/// <param name="IncidentIds">Incidents created or changed, in the order first touched.</param>
public sealed record IntakeResult(int Opened, int Updated, int Unchanged, IReadOnlyList<Guid> IncidentIds);
