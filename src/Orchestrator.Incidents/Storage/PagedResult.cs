namespace Orchestrator.Incidents.Storage;

/// <summary>One page of results; <see cref="Page"/> counts from 1.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);
