using Orchestrator.Workflows.Definitions;

namespace Orchestrator.Server.Components.Workflows.Designer;

/// <summary>
/// The definition open in the designer: the version it was loaded from, what the designer has made of it since, and
/// the undo/redo history of whole definitions (each edit is a pure <see cref="DefinitionEdits"/> function, so a step
/// back is the previous definition — structure, positions and inputs alike).
/// </summary>
public sealed class DesignerDocument(WorkflowDefinition loaded)
{
    /// <summary>How many steps back undo reaches.</summary>
    public const int HistoryLimit = 200;

    private readonly LinkedList<WorkflowDefinition> _undo = new();
    private readonly Stack<WorkflowDefinition> _redo = new();
    private WorkflowDefinition _clean = loaded;

    /// <summary>The definition as designed now.</summary>
    public WorkflowDefinition Current { get; private set; } = loaded;

    /// <summary>The stored version this document was loaded from or last saved as (its number is what a save checks
    /// against, so a version saved by someone else in between is a conflict, not overwritten).</summary>
    public WorkflowDefinition Base { get; private set; } = loaded;

    /// <summary>True when <see cref="Current"/> differs from what is stored.</summary>
    public bool IsDirty => !ReferenceEquals(Current, _clean);

    public bool CanUndo => _undo.Count > 0;

    public bool CanRedo => _redo.Count > 0;

    /// <summary>Applies an edit as one undoable step; an edit that changes nothing is no step.</summary>
    public void Apply(Func<WorkflowDefinition, WorkflowDefinition> edit)
    {
        var next = edit(Current);
        if (ReferenceEquals(next, Current))
        {
            return;
        }

        _undo.AddLast(Current);
        if (_undo.Count > HistoryLimit)
        {
            _undo.RemoveFirst();
        }

        _redo.Clear();
        Set(next);
    }

    /// <summary>Changes <see cref="Current"/> without a history step and without making it dirty when it was clean —
    /// for what the canvas decides by itself, such as placing activities that had no stored position.</summary>
    public void Amend(Func<WorkflowDefinition, WorkflowDefinition> edit)
    {
        var wasClean = !IsDirty;
        var next = edit(Current);
        if (wasClean)
        {
            _clean = next;
        }

        Set(next);
    }

    public void Undo()
    {
        if (_undo.Last is { Value: var previous })
        {
            _undo.RemoveLast();
            _redo.Push(Current);
            Set(previous);
        }
    }

    public void Redo()
    {
        if (_redo.TryPop(out var next))
        {
            _undo.AddLast(Current);
            Set(next);
        }
    }

    /// <summary>Records that <see cref="Current"/> was stored as <paramref name="saved"/> (its new version): the
    /// document is clean, and history stays so a save can still be undone.</summary>
    public void MarkSaved(WorkflowDefinition saved)
    {
        Base = saved;
        Current = Current with { Version = saved.Version, IsPublished = saved.IsPublished };
        _clean = Current;
    }

    /// <summary>Starts over from a stored version (after a reload), forgetting history.</summary>
    public void Reset(WorkflowDefinition loaded)
    {
        _undo.Clear();
        _redo.Clear();
        Base = loaded;
        _clean = loaded;
        Set(loaded);
    }

    private void Set(WorkflowDefinition next) => Current = next;
}
