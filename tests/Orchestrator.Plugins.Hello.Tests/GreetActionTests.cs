using Orchestrator.Sdk;
using Orchestrator.Sdk.Testing;

namespace Orchestrator.Plugins.Hello.Tests;

/// <summary>The docs' worked example, tested the way docs/plugins.md shows.</summary>
public sealed class GreetActionTests
{
    [Fact]
    public async Task Greets_by_name()
    {
        var result = await ActionTest.RunAsync(new GreetAction(), new Dictionary<string, object?> { ["name"] = "Ada" });

        result.Outcome.Should().Be(Outcomes.Done);
        result.Outputs["greeting"].Should().Be("Hello, Ada!");
    }

    [Fact]
    public async Task Shouting_follows_the_Shouted_port()
    {
        var result = await ActionTest.RunAsync(new GreetAction(), new Dictionary<string, object?> { ["name"] = "Ada", ["shout"] = true });

        result.Outcome.Should().Be("Shouted");
        result.Outputs["greeting"].Should().Be("HELLO, ADA!");
    }

    [Fact]
    public async Task A_missing_name_is_an_error_naming_the_input()
    {
        var act = () => ActionTest.RunAsync(new GreetAction(), new Dictionary<string, object?>());

        (await act.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("name");
    }
}
