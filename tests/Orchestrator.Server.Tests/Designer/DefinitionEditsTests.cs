using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Components.Workflows.Designer;
using Orchestrator.Tests.Shared;
using Orchestrator.Workflows.Activities.ControlFlow;
using Orchestrator.Workflows.Definitions;
using Orchestrator.Workflows.Descriptors;

namespace Orchestrator.Server.Tests.Designer;

/// <summary>The designer's edits: pure functions from one definition to the next.</summary>
public sealed class DefinitionEditsTests
{
    private static readonly ActivityDescriptor Log = new LogActivity().Descriptor;

    private static WorkflowDefinition Flow(params string[] connections) => new()
    {
        DefinitionId = "designer-edits",
        Name = "Edits",
        Root = new Flowchart
        {
            Activities =
            [
                new ActivityNode { Id = "start", Type = "Start", Position = new CanvasPosition(0, 0) },
                new ActivityNode { Id = "log", Type = "Log", Position = new CanvasPosition(280, 0), Inputs = new Dictionary<string, InputValue> { ["message"] = InputValue.Expr("'hi'") } },
            ],
            Connections = connections.Select(c => ConnectionShorthand.Parse(c).Deserialize<Connection>(WorkflowJson.Options)!).ToList(),
        },
    };

    private static IEnumerable<string> Lines(WorkflowDefinition d) =>
        d.Root.Connections.Select(c => $"{c.Source.Activity}.{c.Source.Port ?? Ports.Done} -> {c.Target.Activity}");

    [Fact]
    public void A_new_activity_gets_an_id_from_its_type_that_is_not_taken()
    {
        var (once, first) = DefinitionEdits.AddActivity(Flow(), Log, new CanvasPosition(10, 20));
        var (twice, second) = DefinitionEdits.AddActivity(once, Log, new CanvasPosition(10, 20));

        first.Should().Be("log_2", "'log' is taken");
        second.Should().Be("log_3");
        twice.Root.Activities.Select(a => a.Id).Should().Equal("start", "log", "log_2", "log_3");
        twice.Root.Activities[^1].Position.Should().Be(new CanvasPosition(10, 20));
        DefinitionEdits.NewId(Flow(), "http.Request").Should().Be("request");
        DefinitionEdits.NewId(Flow(), "k8s.2fa").Should().Be("step2fa", "an id starts with a letter");
    }

    [Fact]
    public void Connecting_stores_Done_as_the_default_port_and_the_same_connection_twice_once()
    {
        var once = DefinitionEdits.Connect(Flow(), "start", Ports.Done, "log");
        var twice = DefinitionEdits.Connect(once, "start", Ports.Done, "log");

        once.Root.Connections.Single().Source.Port.Should().BeNull();
        twice.Should().BeSameAs(once, "nothing changed, so it is no undo step");
        Lines(DefinitionEdits.Connect(once, "log", Ports.Failed, "start")).Should().Equal("start.Done -> log", "log.Failed -> start");
    }

    [Fact]
    public void Deleting_an_activity_removes_its_connections_and_a_connection_can_go_alone()
    {
        var flow = Flow("start -> log", "log.Failed -> start");

        var withoutLog = DefinitionEdits.Delete(flow, ["log"], []);
        var withoutOne = DefinitionEdits.Delete(flow, [], [("log", Ports.Failed, "start")]);

        withoutLog.Root.Activities.Select(a => a.Id).Should().Equal("start");
        withoutLog.Root.Connections.Should().BeEmpty();
        Lines(withoutOne).Should().Equal("start.Done -> log");
        flow.Root.Connections.Should().HaveCount(2, "edits never change the definition they are given");
    }

    [Fact]
    public void Renaming_follows_the_connections_and_moving_rounds_to_whole_pixels()
    {
        var renamed = DefinitionEdits.Rename(Flow("start -> log"), "log", "announce");
        var moved = DefinitionEdits.Move(renamed, new Dictionary<string, CanvasPosition> { ["announce"] = new(12.4, 99.6) });

        Lines(renamed).Should().Equal("start.Done -> announce");
        moved.Root.Activities.Single(a => a.Id == "announce").Position.Should().Be(new CanvasPosition(12, 100));
        moved.Root.Activities.Single(a => a.Id == "announce").Inputs["message"].Expression.Should().Be("'hi'");
    }

    [Fact]
    public void Setting_an_input_to_null_removes_it_and_settings_trim_the_label()
    {
        var set = DefinitionEdits.SetInput(Flow(), "log", "message", InputValue.Of(JsonValue.Create("plain")));
        var unset = DefinitionEdits.SetInput(set, "log", "message", null);
        var labelled = DefinitionEdits.SetSettings(set, "log", "  Say hi  ", new RetryPolicy(3, 2), 30);

        set.Root.Activities[1].Inputs["message"].Literal!.GetValue<string>().Should().Be("plain");
        unset.Root.Activities[1].Inputs.Should().BeEmpty();
        labelled.Root.Activities[1].Should().BeEquivalentTo(new { Name = "Say hi", Retry = new RetryPolicy(3, 2), TimeoutSeconds = 30 });
        DefinitionEdits.SetSettings(labelled, "log", " ", null, null).Root.Activities[1].Name.Should().BeNull();
    }

    [Fact]
    public void Pasting_renames_taken_ids_keeps_the_connections_among_the_copies_and_offsets_them()
    {
        var source = Flow("start -> log");
        var copied = source.Root.Activities;

        var (pasted, ids) = DefinitionEdits.Paste(source, copied, source.Root.Connections, new CanvasPosition(40, 40));

        ids.Should().Equal("start_2", "log_2");
        Lines(pasted).Should().Equal("start.Done -> log", "start_2.Done -> log_2");
        pasted.Root.Activities.Single(a => a.Id == "log_2").Position.Should().Be(new CanvasPosition(320, 40));
        var intoEmpty = DefinitionEdits.Paste(source with { Root = new Flowchart() }, copied, [], new CanvasPosition(0, 0));
        intoEmpty.ActivityIds.Should().Equal("start", "log"); // ids that are free stay as they were
    }

    [Fact]
    public void A_copy_reads_back_from_the_clipboard_text_and_other_text_does_not()
    {
        const string text = """
            {"orchestrator":"activities","activities":[{"id":"log","type":"Log","inputs":{"message":{"expr":"'hi'"}}}],
             "connections":[{"source":{"activity":"log","port":"Failed"},"target":{"activity":"log"}}]}
            """;

        var payload = ClipboardPayload.Read(text)!;

        payload.Activities.Single().Inputs["message"].Expression.Should().Be("'hi'");
        payload.Connections.Single().Source.Port.Should().Be("Failed");
        ClipboardPayload.Read("just some words").Should().BeNull();
        ClipboardPayload.Read("""{"activities":[]}""").Should().BeNull();
        ClipboardPayload.Read("""{"activities":[{"id":"","type":"Log"}]}""").Should().BeNull();
    }

    [Theory]
    [InlineData(InputTypes.Number, "5", "5", null)]
    [InlineData(InputTypes.Number, "2.5", "2.5", null)]
    [InlineData(InputTypes.Number, "five", null, "'five' is not a number.")]
    [InlineData(InputTypes.String, "5", "\"5\"", null)]
    [InlineData(InputTypes.Object, "{\"a\":1}", "{\"a\":1}", null)]
    [InlineData(InputTypes.Object, "{a", null, "Not valid JSON")]
    [InlineData(InputTypes.Any, "plain words", "\"plain words\"", null)]
    public void A_typed_literal_is_read_by_the_input_type(string type, string text, string? json, string? error)
    {
        var literal = LiteralText.Parse(type, text, out var problem);

        literal?.ToJsonString().Should().Be(json);
        if (error is null)
        {
            problem.Should().BeNull();
        }
        else
        {
            problem.Should().StartWith(error);
            literal.Should().BeNull();
        }
    }
}
