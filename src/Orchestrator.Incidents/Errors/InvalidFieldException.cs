namespace Orchestrator.Incidents.Errors;

/// <summary>A request field is missing or has a value the rules reject (HTTP 400 naming <see cref="Field"/>).</summary>
public sealed class InvalidFieldException(string field, string message) : DomainException(message)
{
    public string Field { get; } = field;
}
