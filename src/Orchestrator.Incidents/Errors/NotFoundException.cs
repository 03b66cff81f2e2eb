namespace Orchestrator.Incidents.Errors;

/// <summary>No record with that id — or that number, name… as <c>key</c> says (HTTP 404).</summary>
public sealed class NotFoundException(string resource, object id, string key = "id") : DomainException($"No {resource} with {key} '{id}'.")
{
    public string Resource { get; } = resource;
}
