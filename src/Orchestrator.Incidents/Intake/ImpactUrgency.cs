namespace Orchestrator.Incidents.Intake;

/// <summary>The impact and urgency (1 high – 3 low each) an alert severity maps to.</summary>
public sealed record ImpactUrgency(int Impact, int Urgency);
