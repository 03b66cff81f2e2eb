namespace Orchestrator.Incidents.Intake.Storage;

/// <summary>Filters for listing alerts; null means any.</summary>
public sealed record AlertQuery(Guid? IntegrationId, Guid? IncidentId, AlertStatus? Status, int Page, int PageSize);
