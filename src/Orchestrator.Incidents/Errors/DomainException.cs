namespace Orchestrator.Incidents.Errors;

/// <summary>Base of the rule violations the API turns into problem details.</summary>
public abstract class DomainException(string message) : Exception(message);
