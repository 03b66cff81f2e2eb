using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Orchestrator.Workflows.Definitions.Storage;
using Orchestrator.Workflows.Validation;

namespace Orchestrator.Workflows.Definitions;

/// <summary>
/// Definition use cases: validate, create, save a new draft version, publish, retract, read, and import the files
/// shipped in workflows/. Invalid definitions are rejected with every error and nothing is saved.
/// </summary>
public sealed class WorkflowDefinitionService(
    IWorkflowDefinitionStore store,
    WorkflowValidator validator,
    ILogger<WorkflowDefinitionService> logger,
    Runtime.Dispatch.ICronSchedules? cron = null)
{
    public const string ApiSource = "api";

    public ValidationResult Validate(WorkflowDefinition definition) => validator.Validate(definition);

    /// <summary>Creates version 1 as a draft. A definition id that exists already is a conflict (use <see cref="SaveDraftAsync"/>).</summary>
    public async Task<StoredDefinition> CreateAsync(WorkflowDefinition definition, CancellationToken cancellationToken)
    {
        EnsureValid(definition);
        if (await store.GetAsync(definition.DefinitionId, null, cancellationToken) is not null)
        {
            throw new WorkflowDefinitionConflictException(
                $"A workflow definition '{definition.DefinitionId}' exists already; PUT /api/workflow-definitions/{definition.DefinitionId} saves a new version of it.");
        }

        return await store.AddVersionAsync(definition, ApiSource, null, cancellationToken);
    }

    /// <summary>Saves the definition as a new draft version of <paramref name="definitionId"/>; published versions never
    /// change. With <paramref name="basedOnVersion"/> (the version the editor opened), a version saved since then is a
    /// conflict instead of being silently superseded.</summary>
    public async Task<StoredDefinition> SaveDraftAsync(string definitionId, WorkflowDefinition definition, CancellationToken cancellationToken,
        int? basedOnVersion = null)
    {
        if (definition.DefinitionId is { Length: > 0 } named && named != definitionId)
        {
            // Saving it here would copy another definition's content under this id (or the other way round, by mistake).
            throw new InvalidWorkflowDefinitionException([new Validation.ValidationError(null, "definitionId",
                $"The body is definition '{named}' but the address is '{definitionId}'; PUT it to /api/workflow-definitions/{named}, or leave definitionId out.")]);
        }

        definition = definition with { DefinitionId = definitionId };
        var latest = await GetAsync(definitionId, null, cancellationToken);
        if (basedOnVersion is { } basedOn && latest.Definition.Version != basedOn)
        {
            throw new WorkflowDefinitionConflictException(
                $"Version {latest.Definition.Version} of '{definitionId}' was saved after version {basedOn}, which this change is based on; reload it, or save again without the version check to make yours the latest.");
        }

        EnsureValid(definition);
        return await store.AddVersionAsync(definition, ApiSource, null, cancellationToken);
    }

    /// <summary>Makes a version (default: the latest) the one new runs use. It is validated again: the plugins it uses may be gone.</summary>
    public async Task<StoredDefinition> PublishAsync(string definitionId, int? version, CancellationToken cancellationToken)
    {
        var stored = await GetAsync(definitionId, version, cancellationToken);
        EnsureValid(stored.Definition);
        await store.SetPublishedAsync(definitionId, stored.Definition.Version, cancellationToken);
        await SyncScheduleAsync(definitionId, stored.Definition, cancellationToken);
        return stored with { Definition = stored.Definition with { IsPublished = true } };
    }

    /// <summary>Unpublishes the definition: no new runs start; running instances finish on their version.</summary>
    public async Task RetractAsync(string definitionId, CancellationToken cancellationToken)
    {
        _ = await GetAsync(definitionId, null, cancellationToken);
        await store.SetPublishedAsync(definitionId, null, cancellationToken);
        await SyncScheduleAsync(definitionId, null, cancellationToken);
    }

    /// <summary>Brings the cron schedules of every published definition in line with the store (at start-up).</summary>
    public async Task SyncAllSchedulesAsync(CancellationToken cancellationToken)
    {
        foreach (var definition in await store.GetPublishedWithTriggersAsync(cancellationToken))
        {
            await SyncScheduleAsync(definition.DefinitionId, definition, cancellationToken);
        }
    }

    public async Task<StoredDefinition> GetAsync(string definitionId, int? version, CancellationToken cancellationToken) =>
        await store.GetAsync(definitionId, version, cancellationToken) ?? throw new WorkflowDefinitionNotFoundException(definitionId, version);

    public async Task<IReadOnlyList<StoredDefinition>> GetVersionsAsync(string definitionId, CancellationToken cancellationToken)
    {
        var versions = await store.GetVersionsAsync(definitionId, cancellationToken);
        return versions.Count > 0 ? versions : throw new WorkflowDefinitionNotFoundException(definitionId, null);
    }

    public Task<IReadOnlyList<DefinitionSummary>> ListAsync(CancellationToken cancellationToken) => store.ListAsync(cancellationToken);

    /// <summary>
    /// Imports one file from workflows/. New definitions are stored (and published when the file says
    /// <c>"isPublished": true</c>); a changed file becomes a new draft version; an unchanged file does nothing.
    /// </summary>
    public async Task<FileImportResult> ImportFileAsync(string relativePath, string content, CancellationToken cancellationToken)
    {
        var source = $"file:{relativePath.Replace('\\', '/')}";
        WorkflowDefinition definition;
        try
        {
            definition = WorkflowJson.Deserialize(content);
        }
        catch (JsonException e)
        {
            return Report(FileImportResult.Rejected(relativePath, [new ValidationError(null, e.Path, $"Not a valid definition file: {e.Message}")]));
        }

        var result = validator.Validate(definition);
        if (!result.IsValid)
        {
            return Report(FileImportResult.Rejected(relativePath, result.Errors));
        }

        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
        var latest = await store.GetAsync(definition.DefinitionId, null, cancellationToken);
        if (latest is null)
        {
            var created = await store.AddVersionAsync(definition, source, hash, cancellationToken);
            if (definition.IsPublished)
            {
                await store.SetPublishedAsync(definition.DefinitionId, created.Definition.Version, cancellationToken);
                await SyncScheduleAsync(definition.DefinitionId, created.Definition, cancellationToken);
            }

            return Report(FileImportResult.Imported(relativePath, definition.DefinitionId, created.Definition.Version, definition.IsPublished));
        }

        var versions = await store.GetVersionsAsync(definition.DefinitionId, cancellationToken);
        if (versions.Any(v => v.ContentHash == hash))
        {
            return FileImportResult.Unchanged(relativePath, definition.DefinitionId);
        }

        var draft = await store.AddVersionAsync(definition, source, hash, cancellationToken);
        return Report(FileImportResult.Imported(relativePath, definition.DefinitionId, draft.Definition.Version, published: false));
    }

    private async Task SyncScheduleAsync(string definitionId, WorkflowDefinition? published, CancellationToken cancellationToken)
    {
        if (cron is not null)
        {
            await cron.SyncAsync(definitionId, published, cancellationToken);
        }
    }

    private void EnsureValid(WorkflowDefinition definition)
    {
        var result = validator.Validate(definition);
        if (!result.IsValid)
        {
            throw new InvalidWorkflowDefinitionException(result.Errors);
        }
    }

    private FileImportResult Report(FileImportResult result)
    {
        if (result.Errors.Count > 0)
        {
            logger.LogError("Workflow file {Path} was not loaded: {Errors}", result.Path, string.Join("; ", result.Errors));
        }
        else
        {
            logger.LogInformation("Workflow file {Path} loaded as {DefinitionId} version {Version} (published: {Published})",
                result.Path, result.DefinitionId, result.Version, result.Published);
        }

        return result;
    }
}
