using Orchestrator.Server.Tests.Api;
using Orchestrator.Server.Tests.Hosting;
using Orchestrator.Server.Tests.Workflows;
using static Orchestrator.Server.Tests.Workflows.DefinitionJson;

namespace Orchestrator.Server.Tests.Runtime;

/// <summary>An action runs off the instance's turn, yet what its expressions see is the run's whole scope, as on the turn:
/// input, variables, earlier outputs, workflow, and the scopes the host promotes.</summary>
public sealed class ActionScopeTests : IAsyncLifetime
{
    private OrchestratorServer _server = null!;

    private HttpClient Client => _server.Client;

    public async Task InitializeAsync() => _server = await OrchestratorServer.StartWithActivitiesAsync(new EvaluatingAction());

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("input.x + 1", "6")]
    [InlineData("variables.note", "seen")]
    [InlineData("outputs.first.value", "first")]
    [InlineData("alert.severity", "critical")]
    [InlineData("workflow.version", "1")]
    public async Task An_actions_evaluate_sees_the_runs_whole_scope(string expression, string expected)
    {
        var id = await Client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("action-scope"),
            [
                Start,
                SetVariable("set", "note", "'seen'"),
                Node("first", EvaluatingAction.TypeName, new { expression = "'first'" }),
                Node("probe", EvaluatingAction.TypeName, new { expression }),
            ],
            ["start -> set", "set -> first", "first -> probe"], variables: new[] { new { name = "note", type = "String" } }));

        var run = await Client.WaitForStatusAsync(await Client.RunAsync(id, new { x = 5, alert = new { severity = "critical" } }), "Finished");

        run.SingleEntry("probe")["outputs"]!["value"]!.ToString().Should().Be(expected);
    }
}
