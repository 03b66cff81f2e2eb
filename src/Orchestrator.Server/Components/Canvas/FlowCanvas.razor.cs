using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Orchestrator.Server.Components.Canvas;

/// <summary>
/// The Blazor side of the canvas island (<c>Canvas/src/index.tsx</c>): imports the module, mounts it with the graph and
/// hands it a reference for its coarse events (selection). The whole interop boundary is this file and messages.ts.
/// </summary>
public sealed partial class FlowCanvas(IJSRuntime js) : ComponentBase, IAsyncDisposable
{
    private ElementReference _element;
    private IJSObjectReference? _module;
    private IJSObjectReference? _canvas;
    private DotNetObjectReference<FlowCanvas>? _self;
    private CanvasGraph? _drawn;
    private bool _sending;
    private string? _failure;

    /// <summary>The graph to draw; a new instance redraws it.</summary>
    [Parameter, EditorRequired]
    public CanvasGraph Graph { get; set; } = null!;

    /// <summary>The activities selected on the canvas.</summary>
    [Parameter]
    public EventCallback<IReadOnlyList<string>> SelectionChanged { get; set; }

    /// <summary>Edits made on the canvas (only when the graph is not read-only).</summary>
    [Parameter]
    public EventCallback<CanvasEdit> Edited { get; set; }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        try
        {
            if (firstRender)
            {
                _module = await js.InvokeAsync<IJSObjectReference>("import", "./canvas/canvas.mjs");
                _self = DotNetObjectReference.Create(this);
                var graph = Graph;
                _canvas = await _module.InvokeAsync<IJSObjectReference>("mount", _element, graph, _self);
                _drawn = graph;
            }

            await SendLatestAsync();
        }
        catch (JSException e)
        {
            // A module that failed to load or throw while drawing: say so on the page instead of a blank canvas
            // (and a circuit that dies with it).
            _failure = e.Message;
            StateHasChanged();
        }
    }

    /// <summary>
    /// Hands the canvas the newest graph until it has it. Renders come faster than the browser answers (a run's live
    /// updates): a graph that arrives while one is being sent — or while the canvas is being mounted — is sent after it
    /// by the one loop running, and what is drawn is recorded as what was sent, never as the parameter at that moment
    /// (which once left the canvas a step behind for good when the last update came while the one before was in flight).
    /// </summary>
    private async Task SendLatestAsync()
    {
        if (_sending)
        {
            return;
        }

        _sending = true;
        try
        {
            while (_canvas is not null && !ReferenceEquals(_drawn, Graph))
            {
                var graph = Graph;
                await _canvas.InvokeVoidAsync("update", graph);
                _drawn = graph;
            }
        }
        finally
        {
            _sending = false;
        }
    }

    /// <summary>Selects an activity and brings it into view.</summary>
    public ValueTask SelectAsync(string activityId) => Call("select", activityId);

    /// <summary>Lays the whole flowchart out again (ELK); the new positions come back as one <see cref="CanvasEdit.Moved"/>.</summary>
    public ValueTask LayoutAllAsync() => Call("layoutAll");

    /// <summary>Copies the selected activities to the clipboard; false when nothing is selected.</summary>
    public async ValueTask<bool> CopyAsync() => _canvas is not null && await _canvas.InvokeAsync<bool>("copy");

    /// <summary>Pastes activities from the clipboard (arrives as <see cref="CanvasEdit.Pasted"/>).</summary>
    public ValueTask PasteAsync() => Call("paste");

    private ValueTask Call(string command, params object?[] args) => _canvas?.InvokeVoidAsync(command, args) ?? ValueTask.CompletedTask;

    [JSInvokable]
    public Task OnSelectionChanged(string[] activityIds) => SelectionChanged.InvokeAsync(activityIds);

    [JSInvokable]
    public Task OnActivityDropped(string type, double x, double y) => Edited.InvokeAsync(new CanvasEdit.ActivityDropped(type, x, y));

    [JSInvokable]
    public Task OnConnected(string source, string port, string target) => Edited.InvokeAsync(new CanvasEdit.Connected(source, port, target));

    [JSInvokable]
    public Task OnDeleted(string[] activityIds, CanvasConnection[] connections) => Edited.InvokeAsync(new CanvasEdit.Deleted(activityIds, connections));

    [JSInvokable]
    public Task OnMoved(CanvasPlacement[] placements) => Edited.InvokeAsync(new CanvasEdit.Moved(placements));

    [JSInvokable]
    public Task OnLaidOut(CanvasPlacement[] placements) => Edited.InvokeAsync(new CanvasEdit.LaidOut(placements));

    [JSInvokable]
    public Task OnUndo() => Edited.InvokeAsync(new CanvasEdit.Undo());

    [JSInvokable]
    public Task OnRedo() => Edited.InvokeAsync(new CanvasEdit.Redo());

    [JSInvokable]
    public Task OnPasted(string clipboard) => Edited.InvokeAsync(new CanvasEdit.Pasted(clipboard));

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_canvas is not null)
            {
                await _canvas.InvokeVoidAsync("dispose");
                await _canvas.DisposeAsync();
            }

            if (_module is not null)
            {
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone with the page: nothing left to unmount.
        }

        _self?.Dispose();
    }
}
