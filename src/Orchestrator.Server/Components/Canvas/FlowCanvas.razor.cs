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
    private string? _failure;

    /// <summary>The graph to draw; a new instance redraws it.</summary>
    [Parameter, EditorRequired]
    public CanvasGraph Graph { get; set; } = null!;

    /// <summary>The activities selected on the canvas.</summary>
    [Parameter]
    public EventCallback<IReadOnlyList<string>> SelectionChanged { get; set; }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        try
        {
            if (firstRender)
            {
                _module = await js.InvokeAsync<IJSObjectReference>("import", "./canvas/canvas.mjs");
                _self = DotNetObjectReference.Create(this);
                _canvas = await _module.InvokeAsync<IJSObjectReference>("mount", _element, Graph, _self);
                _drawn = Graph;
            }
            else if (_canvas is not null && !ReferenceEquals(_drawn, Graph))
            {
                await _canvas.InvokeVoidAsync("update", Graph);
                _drawn = Graph;
            }
        }
        catch (JSException e)
        {
            // A module that failed to load or throw while drawing: say so on the page instead of a blank canvas
            // (and a circuit that dies with it).
            _failure = e.Message;
            StateHasChanged();
        }
    }

    /// <summary>Called by the canvas when the selection changes.</summary>
    [JSInvokable]
    public Task OnSelectionChanged(string[] activityIds) => SelectionChanged.InvokeAsync(activityIds);

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
