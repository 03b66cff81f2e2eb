using System.Text.Json;
using Microsoft.JSInterop;
using Orchestrator.Workflows.Definitions;

namespace Orchestrator.Server.Components.Workflows.Designer;

/// <summary>
/// Unsaved designer work kept in the browser's local storage, one per definition, until the server has confirmed a
/// save: a closed tab, a lost connection or a save the server refused (invalid, conflict) loses nothing.
/// </summary>
public sealed class BrowserDrafts(IJSRuntime js)
{
    /// <summary>A kept draft: the definition as designed, the version it was based on, and when it was kept.</summary>
    public sealed record Draft(int BaseVersion, DateTimeOffset KeptAt, string Definition);

    private static string Key(string definitionId) => $"orchestrator.draft.{definitionId}";

    public async Task KeepAsync(WorkflowDefinition definition, int baseVersion)
    {
        var draft = new Draft(baseVersion, DateTimeOffset.UtcNow, WorkflowJson.Serialize(definition));
        await js.InvokeVoidAsync("localStorage.setItem", Key(definition.DefinitionId), JsonSerializer.Serialize(draft));
    }

    /// <summary>The kept draft of a definition, or null (also when what is stored cannot be read any more).</summary>
    public async Task<(Draft Draft, WorkflowDefinition Definition)?> FindAsync(string definitionId)
    {
        var text = await js.InvokeAsync<string?>("localStorage.getItem", Key(definitionId));
        try
        {
            return text is not null && JsonSerializer.Deserialize<Draft>(text) is { } draft
                ? (draft, WorkflowJson.Deserialize(draft.Definition))
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public async Task ForgetAsync(string definitionId) => await js.InvokeVoidAsync("localStorage.removeItem", Key(definitionId));
}
