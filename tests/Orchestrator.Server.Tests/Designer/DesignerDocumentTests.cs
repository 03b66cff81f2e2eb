using Orchestrator.Server.Components.Workflows.Designer;
using Orchestrator.Workflows.Definitions;

namespace Orchestrator.Server.Tests.Designer;

/// <summary>The designer's document: dirty tracking and undo/redo of whole definitions.</summary>
public sealed class DesignerDocumentTests
{
    private static readonly WorkflowDefinition Loaded = new() { DefinitionId = "doc", Name = "v1", Version = 1 };

    private static Func<WorkflowDefinition, WorkflowDefinition> Rename(string name) => d => d with { Name = name };

    [Fact]
    public void Undo_and_redo_step_through_edits_and_a_new_edit_clears_redo()
    {
        var document = new DesignerDocument(Loaded);
        document.Apply(Rename("a"));
        document.Apply(Rename("b"));

        document.Undo();
        document.Current.Name.Should().Be("a");
        document.Redo();
        document.Current.Name.Should().Be("b");
        document.Undo();
        document.Apply(Rename("c"));

        document.CanRedo.Should().BeFalse();
        document.Undo();
        document.Undo();
        document.Current.Should().BeSameAs(Loaded);
        document.IsDirty.Should().BeFalse("back where it was loaded");
        document.CanUndo.Should().BeFalse();
    }

    [Fact]
    public void An_edit_that_changes_nothing_is_no_step_and_undo_reaches_back_a_limited_number_of_steps()
    {
        var document = new DesignerDocument(Loaded);
        document.Apply(d => d);
        document.CanUndo.Should().BeFalse();

        for (var i = 0; i < DesignerDocument.HistoryLimit + 10; i++)
        {
            document.Apply(Rename($"n{i}"));
        }

        var steps = 0;
        while (document.CanUndo)
        {
            document.Undo();
            steps++;
        }

        steps.Should().Be(DesignerDocument.HistoryLimit);
        document.Current.Name.Should().Be("n9");
    }

    [Fact]
    public void Saving_makes_it_clean_with_the_new_version_and_keeps_history()
    {
        var document = new DesignerDocument(Loaded);
        document.Apply(Rename("changed"));
        document.IsDirty.Should().BeTrue();

        document.MarkSaved(document.Current with { Version = 2 });

        document.IsDirty.Should().BeFalse();
        document.Base.Version.Should().Be(2);
        document.Current.Version.Should().Be(2);
        document.CanUndo.Should().BeTrue("a save can still be undone, as a new change");
        document.Undo();
        document.IsDirty.Should().BeTrue();
    }

    [Fact]
    public void What_the_canvas_places_by_itself_is_no_step_and_does_not_make_a_clean_document_dirty()
    {
        var document = new DesignerDocument(Loaded);

        document.Amend(d => d with { Description = "laid out" });

        document.IsDirty.Should().BeFalse();
        document.CanUndo.Should().BeFalse();
        document.Apply(Rename("x"));
        document.Amend(d => d with { Description = "laid out again" });
        document.IsDirty.Should().BeTrue("it was dirty already");
    }
}
