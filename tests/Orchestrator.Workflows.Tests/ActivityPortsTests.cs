using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Definitions;

namespace Orchestrator.Workflows.Tests;

public class ActivityPortsTests
{
    private readonly ActivityRegistry _registry = Definitions.BuiltInRegistry();

    [Fact]
    public void Switch_ports_are_its_case_names_then_Default_and_Failed()
    {
        var ports = PortsOf("""
            { "id": "step", "type": "Switch", "inputs": { "cases": [
              { "name": "Critical", "condition": "input.priority == 1" },
              { "name": "High", "condition": "input.priority == 2" } ] } }
            """);

        ports.Should().Equal("Critical", "High", "Default", "Failed");
    }

    [Fact]
    public void Switch_with_cases_from_an_expression_has_only_Default_and_Failed()
    {
        PortsOf("""{ "id": "step", "type": "Switch", "inputs": { "cases": { "expr": "variables.cases" } } }""")
            .Should().Equal("Default", "Failed");
    }

    [Fact]
    public void Approval_ports_without_options_are_Approve_Reject_TimedOut_and_Failed()
    {
        PortsOf("""{ "id": "step", "type": "Approval", "inputs": { "title": "Go?", "assignees": ["ops"] } }""")
            .Should().Equal("Approve", "Reject", "TimedOut", "Failed");
    }

    [Fact]
    public void Approval_ports_with_options_are_those_options_TimedOut_and_Failed()
    {
        PortsOf("""{ "id": "step", "type": "Approval", "inputs": { "title": "Go?", "assignees": ["ops"], "options": ["Escalate", "Ignore"] } }""")
            .Should().Equal("Escalate", "Ignore", "TimedOut", "Failed");
    }

    [Theory]
    [InlineData("Decision", new[] { "True", "False", "Failed" })]
    [InlineData("Start", new[] { "Done", "Failed" })]
    [InlineData("Log", new[] { "Done", "Failed" })]
    [InlineData("Delay", new[] { "Done", "Failed" })]
    [InlineData("End", new[] { "Failed" })]
    [InlineData("Fail", new[] { "Failed" })]
    public void Other_types_have_their_outcomes_and_Failed(string type, string[] expected)
    {
        PortsOf($$"""{ "id": "step", "type": "{{type}}" }""").Should().Equal(expected);
    }

    private IReadOnlyList<string> PortsOf(string activity)
    {
        ActivityNode node = Definitions.Flowchart(activity).Root.Activities[0];
        return ActivityPorts.Of(_registry.Find(node.Type)!.Descriptor, node);
    }
}
