namespace Orchestrator.Incidents.Timeline;

/// <summary>A workflow run that an event about the incident started, to be noted on its timeline.</summary>
public sealed record RunStarted(Guid IncidentId, string InstanceId, string DefinitionId, int Version, string Trigger);
