using Orchestrator.Workflows.Definitions;
using Orchestrator.Workflows.Graph;

namespace Orchestrator.Workflows.Tests;

public class FlowchartGraphTests
{
    [Fact]
    public void ReachableFrom_follows_connections_transitively_and_excludes_the_start_itself()
    {
        var graph = Graph(["start", "a", "b", "c", "island"], "start -> a", "a -> b", "a.Failed -> c");

        graph.ReachableFrom("start").Should().BeEquivalentTo(["a", "b", "c"]);
        graph.ReachableFrom("a").Should().BeEquivalentTo(["b", "c"]);
        graph.ReachableFrom("b").Should().BeEmpty();
        graph.ReachableFrom("island").Should().BeEmpty();
    }

    [Fact]
    public void ReachableFrom_includes_the_activity_itself_when_it_is_on_a_cycle()
    {
        var graph = Graph(["start", "a", "b"], "start -> a", "a -> b", "b -> a");

        graph.ReachableFrom("a").Should().BeEquivalentTo(["a", "b"]);
        graph.ReachableFrom("start").Should().NotContain("start");
    }

    [Fact]
    public void Connections_to_or_from_unknown_activities_are_left_out_of_the_graph()
    {
        var graph = Graph(["start", "a"], "start -> a", "a -> ghost", "ghost -> start");

        graph.Outbound("a").Should().BeEmpty();
        graph.Inbound("start").Should().BeEmpty();
        graph.ReachableFrom("start").Should().BeEquivalentTo(["a"]);
    }

    [Fact]
    public void Inbound_and_outbound_list_each_connection_with_its_port()
    {
        var graph = Graph(["start", "decide", "yes", "no"], "start -> decide", "decide.True -> yes", "decide.False -> no");

        graph.Outbound("decide").Select(FlowchartGraph.PortOf).Should().Equal("True", "False");
        graph.Inbound("yes").Should().ContainSingle().Which.Source.Activity.Should().Be("decide");
        FlowchartGraph.PortOf(graph.Inbound("decide")[0]).Should().Be("Done");
    }

    [Fact]
    public void The_connection_closing_a_loop_is_a_back_edge_and_the_others_are_not()
    {
        var graph = Graph(["start", "a", "b", "end"], "start -> a", "a -> b", "b.True -> a", "b.False -> end");

        graph.IsBackEdge(Find(graph, "b", "a")).Should().BeTrue();
        graph.IsBackEdge(Find(graph, "start", "a")).Should().BeFalse();
        graph.IsBackEdge(Find(graph, "b", "end")).Should().BeFalse();
        graph.IsBackEdge(Find(graph, "a", "b")).Should().BeFalse("a → b enters the loop body; only b → a returns to the loop's head");
    }

    [Fact]
    public void A_self_loop_is_a_back_edge()
    {
        var graph = Graph(["start", "a"], "start -> a", "a.Failed -> a");

        graph.IsBackEdge(Find(graph, "a", "a")).Should().BeTrue();
        graph.IsBackEdge(Find(graph, "start", "a")).Should().BeFalse();
    }

    [Fact]
    public void The_join_edges_of_a_diamond_are_not_back_edges()
    {
        var graph = Graph(["start", "fork", "left", "right", "join", "end"],
            "start -> fork", "fork -> left", "fork -> right", "left -> join", "right -> join", "join -> end");

        graph.Inbound("join").Should().HaveCount(2);
        graph.Inbound("join").Should().OnlyContain(c => !graph.IsBackEdge(c));
        graph.Outbound("fork").Should().OnlyContain(c => !graph.IsBackEdge(c));
    }

    [Fact]
    public void The_branches_into_a_join_inside_a_loop_are_not_back_edges()
    {
        // start → fork → (left, right) → join → pause → fork: the join must still wait for both branches each time round.
        var graph = Graph(["start", "fork", "left", "right", "join", "pause"],
            "start -> fork", "fork -> left", "fork -> right", "left -> join", "right -> join", "join -> pause", "pause -> fork");

        graph.IsBackEdge(Find(graph, "pause", "fork")).Should().BeTrue();
        graph.IsBackEdge(Find(graph, "left", "join")).Should().BeFalse();
        graph.IsBackEdge(Find(graph, "right", "join")).Should().BeFalse();
    }

    [Fact]
    public void Cycles_finds_a_self_loop()
    {
        var graph = Graph(["start", "a", "end"], "start -> a", "a.Failed -> a", "a -> end");

        graph.Cycles().Should().ContainSingle().Which.Should().Equal("a");
    }

    [Fact]
    public void Cycles_finds_a_multi_node_cycle_with_all_its_members_only()
    {
        var graph = Graph(["start", "a", "b", "c", "end"], "start -> a", "a -> b", "b -> c", "c.True -> a", "c.False -> end");

        var cycle = graph.Cycles().Should().ContainSingle().Subject;

        cycle.Should().BeEquivalentTo(["a", "b", "c"]);
    }

    [Fact]
    public void Cycles_lists_separate_loops_separately()
    {
        var graph = Graph(["start", "a", "b", "c", "d", "e"],
            "start -> a", "a -> b", "b -> a", "b.Failed -> c", "c -> d", "d -> c", "d.Failed -> e", "e -> e");

        graph.Cycles().Select(c => c.OrderBy(x => x, StringComparer.Ordinal).ToArray())
            .Should().BeEquivalentTo([new[] { "a", "b" }, ["c", "d"], ["e"]]);
    }

    [Fact]
    public void Cycles_finds_nothing_in_a_dag()
    {
        var graph = Graph(["start", "fork", "left", "right", "join", "end"],
            "start -> fork", "fork -> left", "fork -> right", "left -> join", "right -> join", "join -> end", "start.Failed -> end");

        graph.Cycles().Should().BeEmpty();
    }

    private static Connection Find(FlowchartGraph graph, string source, string target) =>
        graph.Outbound(source).Single(c => c.Target.Activity == target);

    private static FlowchartGraph Graph(string[] ids, params string[] connections)
    {
        var activities = string.Join(", ", ids.Select(id => $$"""{ "id": "{{id}}", "type": "Log" }"""));
        return new FlowchartGraph(Definitions.Flowchart(activities, connections).Root);
    }
}
