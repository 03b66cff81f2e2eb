using Orchestrator.Workflows.Definitions.Storage;
using Orchestrator.Workflows.Validation;

namespace Orchestrator.Server.Api.Workflows;

/// <summary><c>{ definitionId, version, isPublished }</c>: the answer to create, save and publish.</summary>
public sealed record DefinitionVersionResponse(string DefinitionId, int Version, bool IsPublished)
{
    public static DefinitionVersionResponse From(StoredDefinition stored) =>
        new(stored.Definition.DefinitionId, stored.Definition.Version, stored.Definition.IsPublished);
}

/// <summary>One entry of <c>GET /api/workflow-definitions/{id}/versions</c>.</summary>
public sealed record DefinitionVersionInfo(int Version, bool IsPublished, string Name, DateTimeOffset CreatedAt, string Source)
{
    public static DefinitionVersionInfo From(StoredDefinition stored) =>
        new(stored.Definition.Version, stored.Definition.IsPublished, stored.Definition.Name, stored.CreatedAt, stored.Source);
}

/// <summary>The answer to <c>POST /api/workflow-definitions/validate</c>.</summary>
public sealed record ValidationResponse(bool Valid, IReadOnlyList<ValidationError> Errors);
