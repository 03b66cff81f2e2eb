using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Orchestrator.Server.Components.Workflows.Designer;

/// <summary>
/// The Blazor side of the expression editor island (<c>Canvas/src/expression.ts</c>, CodeMirror 6): completion of the
/// scope as you type, the text as typed for the live preview, and the edit when the field is left.
/// </summary>
public sealed partial class ExpressionEditor(IJSRuntime js) : ComponentBase, IAsyncDisposable
{
    private ElementReference _element;
    private IJSObjectReference? _module;
    private IJSObjectReference? _editor;
    private DotNetObjectReference<ExpressionEditor>? _self;
    private string? _shown;
    private ExpressionCompletions? _sentCompletions;

    [Parameter]
    public string? Value { get; set; }

    /// <summary>The accessible name of the editor (the input's name).</summary>
    [Parameter, EditorRequired]
    public string Label { get; set; } = string.Empty;

    [Parameter]
    public string? Placeholder { get; set; }

    [Parameter]
    public ExpressionCompletions? Completions { get; set; }

    /// <summary>The expression when the field is left (null when emptied).</summary>
    [Parameter]
    public EventCallback<string?> ValueChanged { get; set; }

    /// <summary>The text as typed, a quarter of a second after the last key (for the preview).</summary>
    [Parameter]
    public EventCallback<string> Typed { get; set; }

    private static readonly ExpressionCompletions None = new([], new Dictionary<string, IReadOnlyList<CompletionItem>>());

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        try
        {
            if (firstRender)
            {
                _module = await js.InvokeAsync<IJSObjectReference>("import", "./canvas/expression.mjs");
                _self = DotNetObjectReference.Create(this);
                var (value, completions) = (Value, Completions); // what is sent is what is shown (parameters may change meanwhile)
                _editor = await _module.InvokeAsync<IJSObjectReference>("mount", _element,
                    new { value = value ?? string.Empty, label = Label, placeholder = Placeholder, completions = completions ?? None }, _self);
                (_shown, _sentCompletions) = (value, completions);
            }

            if (_editor is null)
            {
                return;
            }

            if (_shown != Value)
            {
                _shown = Value;
                await _editor.InvokeVoidAsync("setValue", Value ?? string.Empty);
            }

            if (!ReferenceEquals(_sentCompletions, Completions))
            {
                _sentCompletions = Completions;
                await _editor.InvokeVoidAsync("setCompletions", Completions ?? None);
            }
        }
        catch (JSDisconnectedException)
        {
            // The page is gone.
        }
    }

    [JSInvokable]
    public Task OnTyped(string text) => Typed.InvokeAsync(text);

    [JSInvokable]
    public Task OnCommitted(string text)
    {
        _shown = text;
        return ValueChanged.InvokeAsync(string.IsNullOrWhiteSpace(text) ? null : text);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_editor is not null)
            {
                await _editor.InvokeVoidAsync("dispose");
                await _editor.DisposeAsync();
            }

            if (_module is not null)
            {
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
        }

        _self?.Dispose();
    }
}
