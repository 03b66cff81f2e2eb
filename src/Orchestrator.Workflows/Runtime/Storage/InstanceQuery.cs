using Orchestrator.Workflows.Runtime.Instances;

namespace Orchestrator.Workflows.Runtime.Storage;

/// <summary>Filters for listing instances.</summary>
public sealed record InstanceQuery(string? DefinitionId = null, WorkflowStatus? Status = null, string? CorrelationId = null, int Page = 1, int PageSize = 50,
    DateTimeOffset? StartedAfter = null);
