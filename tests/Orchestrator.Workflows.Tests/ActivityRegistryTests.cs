using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Activities.ControlFlow;
using Orchestrator.Workflows.Descriptors;

namespace Orchestrator.Workflows.Tests;

public class ActivityRegistryTests
{
    private readonly ActivityRegistry _registry = Definitions.BuiltInRegistry();

    [Fact]
    public void BuiltIn_has_exactly_the_thirteen_contract_types()
    {
        _registry.Descriptors.Select(d => d.Type).Should().BeEquivalentTo(
            "Start", "End", "Decision", "Switch", "Fork", "Join", "Delay", "WaitForEvent", "Approval", "SetVariable", "RunWorkflow", "Fail", "Log");
    }

    [Theory]
    [InlineData("Start", new string[0])]
    [InlineData("End", new string[0])]
    [InlineData("Fork", new string[0])]
    [InlineData("Decision", new[] { "condition" })]
    [InlineData("Switch", new[] { "cases" })]
    [InlineData("Join", new[] { "mode" })]
    [InlineData("Delay", new[] { "seconds" })]
    [InlineData("WaitForEvent", new[] { "eventName" })]
    [InlineData("Approval", new[] { "title", "assignees", "options", "timeoutSeconds" })]
    [InlineData("SetVariable", new[] { "name", "value" })]
    [InlineData("RunWorkflow", new[] { "definitionId", "input", "wait" })]
    [InlineData("Fail", new[] { "message" })]
    [InlineData("Log", new[] { "message" })]
    public void Each_built_in_declares_exactly_the_contract_input_names(string type, string[] inputs)
    {
        _registry.Find(type)!.Descriptor.Inputs.Select(i => i.Name).Should().Equal(inputs);
    }

    [Theory]
    [InlineData("Approval", "title", true)]
    [InlineData("Approval", "assignees", true)]
    [InlineData("Approval", "options", false)]
    [InlineData("Approval", "timeoutSeconds", false)]
    [InlineData("RunWorkflow", "definitionId", true)]
    [InlineData("RunWorkflow", "input", false)]
    [InlineData("Decision", "condition", true)]
    [InlineData("Delay", "seconds", true)]
    public void Optional_contract_inputs_are_not_required(string type, string input, bool required)
    {
        _registry.Find(type)!.Descriptor.Inputs.Single(i => i.Name == input).Required.Should().Be(required);
    }

    [Fact]
    public void Join_mode_is_a_select_of_WaitAll_and_WaitAny_defaulting_to_WaitAll()
    {
        var mode = _registry.Find("Join")!.Descriptor.Inputs.Single();

        mode.UiHint.Should().Be(UiHints.Select);
        mode.Options.Should().Equal("WaitAll", "WaitAny");
        mode.Default!.GetValue<string>().Should().Be("WaitAll");
    }

    [Theory]
    [InlineData("Delay", true)]
    [InlineData("WaitForEvent", true)]
    [InlineData("Approval", true)]
    [InlineData("RunWorkflow", true)]
    [InlineData("Log", false)]
    [InlineData("Decision", false)]
    [InlineData("SetVariable", false)]
    public void Only_waiting_activities_can_suspend(string type, bool canSuspend)
    {
        _registry.Find(type)!.Descriptor.CanSuspend.Should().Be(canSuspend);
    }

    [Fact]
    public void Find_is_case_sensitive_and_returns_null_for_unknown_types()
    {
        _registry.Find("Decision").Should().BeOfType<DecisionActivity>();
        _registry.Find("decision").Should().BeNull();
        _registry.Find("pagerduty.Trigger").Should().BeNull();
    }

    [Fact]
    public void Two_activities_with_the_same_type_name_are_refused()
    {
        var create = () => new ActivityRegistry([new LogActivity(), new DelayActivity(), new LogActivity()]);

        create.Should().Throw<ArgumentException>().WithMessage("*'Log'*");
    }

    [Fact]
    public void Descriptors_are_ordered_by_category_then_display_name()
    {
        var descriptors = _registry.Descriptors;

        descriptors.Should().BeInAscendingOrder(d => d.Category, StringComparer.Ordinal);
        descriptors.GroupBy(d => d.Category).Should().OnlyContain(g => g.Select(d => d.DisplayName).SequenceEqual(g.Select(d => d.DisplayName).Order()));
    }
}
