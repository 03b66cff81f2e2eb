using Orchestrator.Workflows.Validation;

namespace Orchestrator.Workflows.Definitions;

/// <summary>What happened to one file of workflows/ at start-up.</summary>
public sealed record FileImportResult(string Path, string? DefinitionId, int? Version, bool Published, bool Changed, IReadOnlyList<ValidationError> Errors)
{
    public static FileImportResult Imported(string path, string definitionId, int version, bool published) =>
        new(path, definitionId, version, published, Changed: true, []);

    public static FileImportResult Unchanged(string path, string definitionId) => new(path, definitionId, null, false, Changed: false, []);

    public static FileImportResult Rejected(string path, IReadOnlyList<ValidationError> errors) => new(path, null, null, false, Changed: false, errors);
}
