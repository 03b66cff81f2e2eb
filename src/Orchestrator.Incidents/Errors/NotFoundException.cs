namespace Orchestrator.Incidents.Errors;

/// <summary>No record with that id (HTTP 404).</summary>
public sealed class NotFoundException(string resource, object id) : DomainException($"No {resource} with id '{id}'.")
{
    public string Resource { get; } = resource;
}
