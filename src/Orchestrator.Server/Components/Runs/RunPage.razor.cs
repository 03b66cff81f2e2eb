using Microsoft.AspNetCore.Components;
using MudBlazor;
using Orchestrator.Server.Components.Canvas;
using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Definitions;
using Orchestrator.Workflows.Runtime;
using Orchestrator.Workflows.Runtime.Events;
using Orchestrator.Workflows.Runtime.Instances;
using Orchestrator.Workflows.Runtime.Storage;

namespace Orchestrator.Server.Components.Runs;

/// <summary>
/// One run, live: its flowchart (the version it runs, laid out as designed) with each activity's status and the path
/// taken, the journal, input and variables, and retry/cancel. Every committed turn of the run is published on the
/// <see cref="WorkflowEventHub"/>; the page reloads the run at most every <see cref="RefreshInterval"/> while they come.
/// </summary>
public sealed partial class RunPage(IServiceScopeFactory scopes, IActivityRegistry registry, WorkflowEventHub hub, ISnackbar snackbar, TimeProvider clock, ILogger<RunPage> logger) : ComponentBase
{
    /// <summary>How often, at most, a changing run is read again.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(150);

    private List<BreadcrumbItem> _crumbs = [];
    private WorkflowInstance? _instance;
    private IReadOnlyList<JournalEntry> _journal = [];
    private IReadOnlyList<JournalEntry> _newestFirst = [];
    private JournalTimeline _timeline = JournalTimeline.Empty;
    private WorkflowDefinition? _definition;
    private string? _definitionName;
    private RunOverlay? _overlay;
    private CanvasGraph? _graph;
    private FlowCanvas? _canvas;
    private string? _selected;
    private bool _missing;
    private bool _busy;
    private LiveUpdates? _live;

    [Parameter]
    public string InstanceId { get; set; } = string.Empty;

    private string ShortId => InstanceId.Length > 8 ? InstanceId[..8] : InstanceId;

    protected override async Task OnParametersSetAsync()
    {
        _crumbs = [new("Runs", "/runs"), new(InstanceId, null, disabled: true)];
        await LoadAsync();
    }

    protected override void OnAfterRender(bool firstRender)
    {
        // Interactive now (not prerendering): follow the run while the page is open.
        if (_live is null && _instance is not null)
        {
            var id = InstanceId;
            _live = LiveUpdates.Start(hub, e => e.InstanceId == id, RefreshInterval, () => InvokeAsync(async () =>
            {
                await LoadAsync();
                StateHasChanged();
            }), catchUp: true, logger: logger);
        }
    }

    private async Task LoadAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var loaded = await scope.ServiceProvider.GetRequiredService<IWorkflowRunQueries>().GetWithJournalAsync(InstanceId, CancellationToken.None);
        if (loaded is not { } run)
        {
            _missing = true;
            return;
        }

        if (_instance is { } shown && shown.Id == run.Instance.Id && shown.Version == run.Instance.Version)
        {
            // Nothing committed since the last read: keep what is drawn (no re-render under the user's pointer).
            return;
        }

        if (_definition is null || _definition.DefinitionId != run.Instance.DefinitionId || _definition.Version != run.Instance.DefinitionVersion)
        {
            _definition = (await scope.ServiceProvider.GetRequiredService<WorkflowDefinitionService>()
                .GetAsync(run.Instance.DefinitionId, run.Instance.DefinitionVersion, CancellationToken.None)).Definition;
            _definitionName = _definition.Name;
        }

        _missing = false;
        _instance = run.Instance;
        _journal = run.Journal.OrderBy(e => e.Seq).ToList();
        _newestFirst = _journal.AsEnumerable().Reverse().ToList();
        _timeline = JournalTimeline.Of(_instance, _journal, clock.GetUtcNow());
        _overlay = RunProgress.Of(_definition, _instance, _journal);
        _graph = CanvasGraph.From(_definition, registry, readOnly: true, run: _overlay);
    }

    private void OnSelectionChanged(IReadOnlyList<string> ids) => _selected = ids.Count == 1 ? ids[0] : null;

    private void OnCanvasEdit(CanvasEdit edit)
    {
        // A flowchart stored without positions is laid out once; keep the layout so a live update does not redo it.
        if (edit is CanvasEdit.LaidOut laidOut && _definition is not null)
        {
            var positions = laidOut.Placements.ToDictionary(p => p.Id, p => new CanvasPosition(p.X, p.Y), StringComparer.Ordinal);
            _definition = Workflows.Designer.DefinitionEdits.Move(_definition, positions);
        }
    }

    /// <summary>A journal row: select its activity here and on the canvas (which brings it into view).</summary>
    private async Task SelectAsync(string activityId)
    {
        _selected = activityId;
        if (_canvas is not null)
        {
            await _canvas.SelectAsync(activityId);
        }
    }

    private Task RetryAsync() => OperateAsync(o => o.RetryAsync(InstanceId, CancellationToken.None), "Retrying from the failed step.");

    private Task CancelAsync() => OperateAsync(o => o.CancelAsync(InstanceId, CancellationToken.None), "Cancelling the run.");

    private async Task OperateAsync(Func<WorkflowOperations, Task> operation, string done)
    {
        _busy = true;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await operation(scope.ServiceProvider.GetRequiredService<WorkflowOperations>());
            snackbar.Add(done, Severity.Info);
        }
        catch (WorkflowInstanceStateException e)
        {
            snackbar.Add(e.Message, Severity.Warning);
        }
        finally
        {
            _busy = false;
        }

        _live?.Touch();
    }

    public void Dispose() => _live?.Dispose();
}
