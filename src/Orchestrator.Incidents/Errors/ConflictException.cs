namespace Orchestrator.Incidents.Errors;

/// <summary>The request clashes with an existing record, e.g. a name already taken (HTTP 409 naming <see cref="Field"/>).</summary>
public sealed class ConflictException(string field, string message) : DomainException(message)
{
    public string Field { get; } = field;
}
