using Orchestrator.Server.Components.Workflows;
using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Definitions;

namespace Orchestrator.Server.Tests.Designer;

/// <summary>Comparing two versions: what was added, removed and changed (and in what), connections, settings — a move
/// alone is not a change — and the one canvas that shows both.</summary>
public sealed class WorkflowDiffTests
{
    private static ActivityNode Node(string id, string type = "Log", string? message = null, double x = 0) => new()
    {
        Id = id,
        Type = type,
        Position = new CanvasPosition(x, 0),
        Inputs = message is null ? new Dictionary<string, InputValue>() : new Dictionary<string, InputValue> { ["message"] = InputValue.Of(message) },
    };

    private static Connection Link(string from, string to, string? port = null) => new(new ConnectionEndpoint(from, port), new ConnectionEndpoint(to));

    private static WorkflowDefinition Version(int version, ActivityNode[] activities, Connection[] connections, string name = "Flow") => new()
    {
        DefinitionId = "diff",
        Version = version,
        Name = name,
        Root = new Flowchart { Activities = activities, Connections = connections },
    };

    private static readonly WorkflowDefinition V1 = Version(1,
        [Node("start", "Start"), Node("greet", message: "hello"), Node("old", message: "going away")],
        [Link("start", "greet"), Link("greet", "old")]);

    private static readonly WorkflowDefinition V2 = Version(2,
        [Node("start", "Start", x: 500), Node("greet", message: "hello there"), Node("page", "Delay")],
        [Link("start", "greet"), Link("greet", "page")], name: "Flow, renamed");

    [Fact]
    public void Added_removed_and_changed_activities_are_named_with_what_changed_and_a_move_is_not_a_change()
    {
        var diff = WorkflowDiff.Between(V1, V2);

        diff.Added.Should().Equal("page");
        diff.Removed.Should().Equal("old");
        diff.Changed.Should().ContainSingle().Which.Should().BeEquivalentTo(new KeyValuePair<string, IReadOnlyList<string>>("greet", ["inputs.message"]));
        diff.ConnectionsAdded.Should().Equal(Link("greet", "page"));
        diff.ConnectionsRemoved.Should().Equal(Link("greet", "old"));
        diff.SettingsChanged.Should().Equal("name");
        diff.IsEmpty.Should().BeFalse();
    }

    [Fact]
    public void A_version_compared_with_itself_moved_around_is_the_same()
    {
        var moved = V1 with { Version = 2, Root = V1.Root with { Activities = V1.Root.Activities.Select(a => a with { Position = new CanvasPosition(99, 99) }).ToList() } };

        WorkflowDiff.Between(V1, moved).IsEmpty.Should().BeTrue();
    }

    [Fact]
    public void The_canvas_draws_the_newer_flowchart_and_what_it_no_longer_has_each_marked()
    {
        var graph = WorkflowDiff.Between(V1, V2).Graph(new ActivityRegistry(ActivityRegistry.BuiltIn()));

        graph.ReadOnly.Should().BeTrue();
        graph.Activities.ToDictionary(a => a.Id, a => a.Status!.State).Should().Equal(new Dictionary<string, string>
        {
            ["start"] = "unchanged", ["greet"] = "changed", ["page"] = "added", ["old"] = "removed",
        });
        graph.Activities.Single(a => a.Id == "greet").Status!.Detail.Should().Be("changed: inputs.message");
        graph.Connections.Select(c => (c.Source, c.Target, c.Change)).Should().BeEquivalentTo(new[]
        {
            ("start", "greet", (string?)null), ("greet", "page", "added"), ("greet", "old", "removed"),
        });
    }
}
