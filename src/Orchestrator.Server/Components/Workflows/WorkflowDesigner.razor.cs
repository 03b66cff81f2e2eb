using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;
using Orchestrator.Infrastructure.Secrets;
using Orchestrator.Server.Components.Canvas;
using Orchestrator.Server.Components.Workflows.Designer;
using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Definitions;
using Orchestrator.Workflows.Descriptors;
using Orchestrator.Workflows.Runtime;
using Orchestrator.Workflows.Validation;

namespace Orchestrator.Server.Components.Workflows;

/// <summary>
/// The workflow designer: the flowchart on the canvas island, the toolbox, the property panel of the selection and the
/// validation list, around one <see cref="DesignerDocument"/>. Every edit is applied here (the canvas only reports
/// what the user did), validated at once, and kept in the browser until the server has stored it.
/// </summary>
public sealed partial class WorkflowDesigner(
    IServiceScopeFactory scopes,
    IActivityRegistry registry,
    WorkflowValidator validator,
    BrowserDrafts drafts,
    IDialogService dialogs,
    ISnackbar snackbar,
    NavigationManager navigation,
    Orchestrator.Templating.ScriptSandbox sandbox,
    RuntimeOptions runtime,
    TimeProvider clock) : ComponentBase
{
    /// <summary>Where a pasted copy goes relative to the original.</summary>
    private static readonly CanvasPosition PasteOffset = new(40, 40);

    private DesignerDocument? _document;
    private CanvasGraph? _graph;
    private FlowCanvas? _canvas;
    private ValidationResult _validation = new([]);
    private ExpressionContext? _expressions;
    private PreviewSample _sample = PreviewSample.OfRun(null);
    private IReadOnlyList<string> _selection = [];
    private IReadOnlyList<string> _secretNames = [];
    private List<BreadcrumbItem> _crumbs = [];
    private (BrowserDrafts.Draft Draft, WorkflowDefinition Definition)? _keptDraft;
    private bool _draftChecked;
    private int? _restoredBase;
    private string? _conflict;
    private string? _saveError;
    private bool _missing;
    private bool _busy;

    [Parameter]
    public string DefinitionId { get; set; } = string.Empty;

    /// <summary>An earlier version to look at (read-only, with revert); the latest is edited.</summary>
    [SupplyParameterFromQuery(Name = "version")]
    public int? Version { get; set; }

    /// <summary>With <see cref="Version"/>: another version to compare it with.</summary>
    [SupplyParameterFromQuery(Name = "compare")]
    public int? Compare { get; set; }

    private int? _viewingVersion;
    private bool _missingVersion;

    private IActivityRegistry Registry => registry;

    private ActivityNode? SelectedActivity => _selection.Count == 1 ? _document?.Current.Root.Activities.FirstOrDefault(a => a.Id == _selection[0]) : null;

    /// <summary>The version a save checks against: the one loaded, or the one a restored browser draft was based on.</summary>
    private int BasedOn => _restoredBase ?? _document!.Base.Version;

    protected override async Task OnParametersSetAsync()
    {
        _crumbs = [new("Workflows", "/workflows"), new(DefinitionId, null, disabled: true)];
        var loaded = await LoadAsync();
        if (loaded is null)
        {
            _missing = true;
            return;
        }

        _missing = false;
        (_viewingVersion, _missingVersion) = (null, false);
        if (Version is { } asked && asked != loaded.Version)
        {
            _viewingVersion = asked;
            _missingVersion = !await VersionExistsAsync(asked);
        }

        await using var scope = scopes.CreateAsyncScope();
        _secretNames = (await scope.ServiceProvider.GetRequiredService<SecretStore>().ListAsync(CancellationToken.None)).Select(s => s.Name).ToList();
        _sample = PreviewSample.OfRun(await LatestRunAsync(scope.ServiceProvider.GetRequiredService<Orchestrator.Workflows.Runtime.Storage.IWorkflowRunQueries>()));
        Open(loaded);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // Local storage is there once the page is interactive (not while prerendering), and the document once loaded.
        if (_document is null || _draftChecked || _viewingVersion is not null)
        {
            return;
        }

        _draftChecked = true;
        var kept = await drafts.FindAsync(DefinitionId);
        if (kept is { } found && WorkflowJson.Serialize(found.Definition) != WorkflowJson.Serialize(_document.Current))
        {
            _keptDraft = found;
            StateHasChanged();
        }
        else if (kept is not null)
        {
            await drafts.ForgetAsync(DefinitionId);
        }
    }

    /// <summary>The newest run of this workflow: the preview's sample data until another is chosen.</summary>
    private async Task<Orchestrator.Workflows.Runtime.Instances.WorkflowInstance?> LatestRunAsync(Orchestrator.Workflows.Runtime.Storage.IWorkflowRunQueries runs)
    {
        var (newest, _) = await runs.ListAsync(new Orchestrator.Workflows.Runtime.Storage.InstanceQuery(DefinitionId, PageSize: 1), CancellationToken.None);
        return newest.Count == 0 ? null : await runs.GetAsync(newest[0].Id, CancellationToken.None);
    }

    private async Task<bool> VersionExistsAsync(int version)
    {
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            await scope.ServiceProvider.GetRequiredService<WorkflowDefinitionService>().GetAsync(DefinitionId, version, CancellationToken.None);
            return true;
        }
        catch (WorkflowDefinitionNotFoundException)
        {
            return false;
        }
    }

    private async Task<WorkflowDefinition?> LoadAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            return (await scope.ServiceProvider.GetRequiredService<WorkflowDefinitionService>().GetAsync(DefinitionId, null, CancellationToken.None)).Definition;
        }
        catch (WorkflowDefinitionNotFoundException)
        {
            return null;
        }
    }

    private void Open(WorkflowDefinition loaded)
    {
        if (_document is null)
        {
            _document = new DesignerDocument(loaded);
        }
        else
        {
            _document.Reset(loaded);
        }

        _restoredBase = null;
        Redraw(fit: true);
    }

    /// <summary>Validates the current definition and hands the canvas a new graph (optionally selecting activities).</summary>
    private void Redraw(IReadOnlyList<string>? select = null, bool fit = false)
    {
        var current = _document!.Current;
        _validation = validator.Validate(current);
        var ids = current.Root.Activities.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        _selection = select ?? _selection.Where(ids.Contains).ToList();
        _graph = CanvasGraph.From(current, registry, readOnly: false, _validation.Errors, select, fit);
        RefreshPreview();
    }

    /// <summary>The expression editor's completions and preview data, after an edit or a new choice of sample.</summary>
    private void RefreshPreview() => _expressions = ExpressionContext.For(_document!.Current, registry, sandbox, runtime, _sample, clock.GetUtcNow());

    private void OnSampleChanged(PreviewSample sample)
    {
        _sample = sample;
        RefreshPreview();
    }

    /// <summary>A step tried on its own: its outputs become sample data for the steps after it.</summary>
    private void OnStepTried((string ActivityId, System.Text.Json.Nodes.JsonObject? Outputs) tried) => OnSampleChanged(_sample.WithTried(tried.ActivityId, tried.Outputs));

    /// <summary>Applies an edit as one undoable step, keeps the result in the browser, and selects what it names.</summary>
    private async Task ApplyAsync(Func<WorkflowDefinition, WorkflowDefinition> edit, IReadOnlyList<string>? select = null, bool fit = false)
    {
        var before = _document!.Current;
        _document.Apply(edit);
        if (ReferenceEquals(before, _document.Current))
        {
            return;
        }

        Redraw(select, fit);
        await KeepInBrowserAsync();
    }

    private async Task KeepInBrowserAsync()
    {
        if (_document!.IsDirty)
        {
            await drafts.KeepAsync(_document.Current, BasedOn);
        }
        else
        {
            await drafts.ForgetAsync(DefinitionId);
        }
    }

    /// <summary>An edit from a panel: a rename moves the selection to the new id.</summary>
    private Task ApplyFromPanel(Func<WorkflowDefinition, WorkflowDefinition> edit)
    {
        // Edits are pure, so trying one first to see which ids it changes gives the same result as applying it.
        var before = _document!.Current.Root.Activities.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var after = edit(_document.Current).Root.Activities.Select(a => a.Id).ToList();
        var added = after.Where(id => !before.Contains(id)).ToList();
        var renamed = _selection.Count == 1 && !after.Contains(_selection[0]) && added.Count == 1;
        return ApplyAsync(edit, renamed ? added : null);
    }

    private async Task OnCanvasEdit(CanvasEdit edit)
    {
        switch (edit)
        {
            case CanvasEdit.ActivityDropped dropped:
                await AddAsync(dropped.Type, new CanvasPosition(dropped.X, dropped.Y));
                break;
            case CanvasEdit.Connected connected:
                await ApplyAsync(d => DefinitionEdits.Connect(d, connected.Source, connected.Port, connected.Target));
                break;
            case CanvasEdit.Deleted deleted:
                await ApplyAsync(d => DefinitionEdits.Delete(d, deleted.ActivityIds, deleted.Connections.Select(c => (c.Source, c.SourcePort, c.Target)).ToList()));
                break;
            case CanvasEdit.Moved moved:
                await ApplyAsync(d => DefinitionEdits.Move(d, Positions(moved.Placements)));
                break;
            case CanvasEdit.LaidOut laidOut:
                // Positions the canvas chose for activities that had none: no undo step, and not a change of the user's.
                _document!.Amend(d => DefinitionEdits.Move(d, Positions(laidOut.Placements)));
                return;
            case CanvasEdit.Undo:
                await UndoAsync();
                break;
            case CanvasEdit.Redo:
                await RedoAsync();
                break;
            case CanvasEdit.Pasted pasted:
                await PasteTextAsync(pasted.Clipboard);
                break;
        }

        StateHasChanged();
    }

    private static Dictionary<string, CanvasPosition> Positions(IReadOnlyList<CanvasPlacement> placements) =>
        placements.ToDictionary(p => p.Id, p => new CanvasPosition(p.X, p.Y), StringComparer.Ordinal);

    private async Task AddAsync(string type, CanvasPosition at, string? after = null)
    {
        if (registry.Find(type)?.Descriptor is not { } descriptor)
        {
            snackbar.Add($"The activity type '{type}' is not loaded any more.", Severity.Warning);
            return;
        }

        var id = DefinitionEdits.NewId(_document!.Current, descriptor.Type);
        await ApplyAsync(d =>
        {
            var (added, newId) = DefinitionEdits.AddActivity(d, descriptor, at);
            return after is null ? added : DefinitionEdits.Connect(added, after, Ports.Done, newId);
        }, [id]);
    }

    /// <summary>From the toolbox's + or Enter: after the selected activity (to its right, as the flowchart is laid out)
    /// and connected to its Done port when it has one; or else after the whole flowchart.</summary>
    private Task AddFromToolbox(string type)
    {
        const double Gap = 280;
        var selected = SelectedActivity;
        var anchor = selected?.Position
            ?? _document!.Current.Root.Activities.Select(a => a.Position).OfType<CanvasPosition>().MaxBy(p => p.X)
            ?? new CanvasPosition(-Gap, 0);
        var after = selected is not null && registry.Find(selected.Type)?.Descriptor is { } descriptor && ActivityPorts.Of(descriptor, selected).Contains(Ports.Done)
            ? selected.Id
            : null;
        return AddAsync(type, new CanvasPosition(anchor.X + Gap, anchor.Y), after);
    }

    private async Task ImportExportAsync()
    {
        var dialog = await dialogs.ShowAsync<DefinitionJsonDialog>("Export or import JSON",
            new DialogParameters<DefinitionJsonDialog> { { d => d.Definition, _document!.Current } },
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: WorkflowDefinition imported })
        {
            await ApplyAsync(_ => imported, [], fit: true);
            snackbar.Add($"Imported {imported.Root.Activities.Count} activities; save to keep them.", Severity.Info);
        }
    }

    private async Task PasteTextAsync(string text)
    {
        if (ClipboardPayload.Read(text) is not { } payload)
        {
            snackbar.Add("The clipboard holds no copied activities.", Severity.Info);
            return;
        }

        var (pasted, ids) = DefinitionEdits.Paste(_document!.Current, payload.Activities, payload.Connections, PasteOffset);
        await ApplyAsync(_ => pasted, ids);
    }

    private void OnSelectionChanged(IReadOnlyList<string> ids)
    {
        if (!_selection.SequenceEqual(ids))
        {
            _selection = ids;
        }
    }

    private async Task UndoAsync()
    {
        _document!.Undo();
        Redraw();
        await KeepInBrowserAsync();
    }

    private async Task RedoAsync()
    {
        _document!.Redo();
        Redraw();
        await KeepInBrowserAsync();
    }

    private async Task CopyAsync()
    {
        if (_canvas is not null && await _canvas.CopyAsync())
        {
            snackbar.Add(_selection.Count == 1 ? "Copied 1 activity." : $"Copied {_selection.Count} activities.", Severity.Normal);
        }
    }

    private async Task PasteAsync()
    {
        if (_canvas is not null)
        {
            await _canvas.PasteAsync();
        }
    }

    private Task DeleteSelection() =>
        ApplyAsync(d => DefinitionEdits.Delete(d, _selection, []), []);

    private async Task LayoutAllAsync()
    {
        if (_canvas is not null)
        {
            await _canvas.LayoutAllAsync();
        }
    }

    private Task<IEnumerable<string>> FindActivities(string? text, CancellationToken cancellationToken) =>
        Task.FromResult(_document!.Current.Root.Activities
            .Where(a => string.IsNullOrWhiteSpace(text)
                || a.Id.Contains(text, StringComparison.OrdinalIgnoreCase)
                || a.Name?.Contains(text, StringComparison.OrdinalIgnoreCase) == true
                || a.Type.Contains(text, StringComparison.OrdinalIgnoreCase))
            .Select(a => a.Id));

    private string DescribeActivity(string? id) =>
        id is null ? string.Empty
            : _document?.Current.Root.Activities.FirstOrDefault(a => a.Id == id) is { } node ? (node.Name is null ? node.Id : $"{node.Name} ({node.Id})")
            : id;

    private async Task GoToActivity(string? id)
    {
        if (id is null || _canvas is null)
        {
            return;
        }

        _selection = [id];
        await _canvas.SelectAsync(id);
    }

    private async Task RestoreKeptDraft()
    {
        if (_keptDraft is not { } kept)
        {
            return;
        }

        _keptDraft = null;
        _restoredBase = kept.Draft.BaseVersion;
        var restored = kept.Definition with { DefinitionId = DefinitionId, Version = _document!.Current.Version, IsPublished = _document.Current.IsPublished };
        await ApplyAsync(_ => restored, fit: true);
    }

    private async Task DiscardKeptDraft()
    {
        _keptDraft = null;
        await drafts.ForgetAsync(DefinitionId);
    }

    /// <summary>Saves a new draft version. With <paramref name="checkVersion"/>, a version saved by someone else since
    /// this one was opened is a conflict the user decides; invalid work is not saved and stays in the browser.</summary>
    private async Task<WorkflowDefinition?> SaveAsync(bool checkVersion)
    {
        if (!_validation.IsValid)
        {
            _saveError = $"Not saved: {Problems(_validation.Errors.Count)} to fix first (listed below the flowchart). Your changes are kept in this browser.";
            return null;
        }

        _busy = true;
        _saveError = null;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var service = scope.ServiceProvider.GetRequiredService<WorkflowDefinitionService>();
            var stored = await service.SaveDraftAsync(DefinitionId, _document!.Current, CancellationToken.None, checkVersion ? BasedOn : null);
            _document.MarkSaved(stored.Definition);
            Redraw();
            _restoredBase = null;
            _conflict = null;
            await drafts.ForgetAsync(DefinitionId);
            snackbar.Add($"Saved as draft v{stored.Definition.Version}.", Severity.Success);
            return stored.Definition;
        }
        catch (WorkflowDefinitionConflictException e)
        {
            _conflict = e.Message;
            return null;
        }
        catch (InvalidWorkflowDefinitionException e)
        {
            _saveError = $"Not saved: {e.Message}";
            return null;
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task PublishAsync()
    {
        var version = _document!.Base.Version;
        if (_document.IsDirty)
        {
            if (await SaveAsync(checkVersion: true) is not { } saved)
            {
                return;
            }

            version = saved.Version;
        }

        _busy = true;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var published = await scope.ServiceProvider.GetRequiredService<WorkflowDefinitionService>().PublishAsync(DefinitionId, version, CancellationToken.None);
            _document.MarkSaved(published.Definition);
            Redraw();
            snackbar.Add($"Published v{version}: new runs use it.", Severity.Success);
        }
        catch (InvalidWorkflowDefinitionException e)
        {
            _saveError = $"Not published: {e.Message}";
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>Saves what is designed (when changed), asks for an input and runs that version — a draft too — then opens
    /// the run.</summary>
    private async Task TestRunAsync()
    {
        if (_document!.IsDirty && await SaveAsync(checkVersion: true) is null)
        {
            return;
        }

        var version = _document.Base.Version;
        var dialog = await dialogs.ShowAsync<TestRunDialog>($"Test run of v{version}",
            new DialogParameters<TestRunDialog> { { d => d.Version, version } }, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is not { Canceled: false, Data: TestRunDialog.Request request })
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var run = await scope.ServiceProvider.GetRequiredService<WorkflowOperations>()
                .RunAsync(DefinitionId, request.Input, request.CorrelationId, CancellationToken.None, version);
            navigation.NavigateTo($"/runs/{Uri.EscapeDataString(run.Id)}");
        }
        catch (Exception e) when (e is WorkflowInputException or WorkflowDefinitionException)
        {
            _saveError = $"Could not start the run: {e.Message}";
        }
    }

    private async Task ReloadLatest()
    {
        if (await LoadAsync() is { } latest)
        {
            Open(latest);
            _conflict = null;
            await drafts.ForgetAsync(DefinitionId);
        }
    }

    private async Task ConfirmLeaving(LocationChangingContext context)
    {
        if (_document is not { IsDirty: true })
        {
            return;
        }

        var leave = await dialogs.ShowMessageBoxAsync("Leave without saving?",
            "Your changes are not saved. They stay in this browser, and this page offers them back when you open this workflow again.",
            yesText: "Leave", cancelText: "Stay");
        if (leave != true)
        {
            context.PreventNavigation();
        }
    }

    private static string Problems(int count) => count == 1 ? "1 problem" : $"{count} problems";

}
