namespace Orchestrator.Server.Components.Canvas;

/// <summary>What the user did on the canvas that changes the definition — the outgoing half of
/// <c>Canvas/src/messages.ts</c>. The designer applies each to its document and sends the new graph back.</summary>
public abstract record CanvasEdit
{
    /// <summary>A toolbox item dropped at a canvas position.</summary>
    public sealed record ActivityDropped(string Type, double X, double Y) : CanvasEdit;

    /// <summary>An outcome port dragged onto an activity.</summary>
    public sealed record Connected(string Source, string Port, string Target) : CanvasEdit;

    /// <summary>Activities and connections deleted (Delete or Backspace).</summary>
    public sealed record Deleted(IReadOnlyList<string> ActivityIds, IReadOnlyList<CanvasConnection> Connections) : CanvasEdit;

    /// <summary>Activities moved: a drag ended, or the user asked for a layout.</summary>
    public sealed record Moved(IReadOnlyList<CanvasPlacement> Placements) : CanvasEdit;

    /// <summary>The canvas placed activities that had no stored position (not an edit of the user's: no undo step).</summary>
    public sealed record LaidOut(IReadOnlyList<CanvasPlacement> Placements) : CanvasEdit;

    /// <summary>Ctrl+Z on the canvas.</summary>
    public sealed record Undo : CanvasEdit;

    /// <summary>Ctrl+Shift+Z or Ctrl+Y on the canvas.</summary>
    public sealed record Redo : CanvasEdit;

    /// <summary>Ctrl+V with activities copied from this or another workflow (the clipboard text, as copied).</summary>
    public sealed record Pasted(string Clipboard) : CanvasEdit;
}

/// <summary>Where an activity was placed.</summary>
public sealed record CanvasPlacement(string Id, double X, double Y);
