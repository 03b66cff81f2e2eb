using Microsoft.Extensions.Logging;
using Orchestrator.Workflows.Definitions;

namespace Orchestrator.Infrastructure.WorkflowFiles;

/// <summary>
/// Loads the definition files (<c>*.json</c>, any depth) of the workflows directory into the store at start-up.
/// A broken file is reported and skipped; the others still load.
/// </summary>
public sealed class WorkflowFileLoader(WorkflowDefinitionService definitions, ILogger<WorkflowFileLoader> logger)
{
    public async Task<IReadOnlyList<FileImportResult>> LoadAsync(string directory, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(directory))
        {
            logger.LogInformation("No workflows directory at {Directory}; no definition files loaded", directory);
            return [];
        }

        var results = new List<FileImportResult>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(directory, path);
            string content;
            try
            {
                content = await File.ReadAllTextAsync(path, cancellationToken);
            }
            catch (IOException e)
            {
                logger.LogError(e, "Workflow file {Path} could not be read", relative);
                continue;
            }

            results.Add(await definitions.ImportFileAsync(relative, content, cancellationToken));
        }

        return results;
    }
}
