using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Api;
using Orchestrator.Server.Tests.Hosting;
using Orchestrator.Server.Tests.Workflows;
using static Orchestrator.Server.Tests.Workflows.DefinitionJson;

namespace Orchestrator.Server.Tests.Runtime;

/// <summary>
/// Retry policies of activities that run off the instance's turn (actions) and of waits that time out: the policy stops
/// after maxAttempts, the back-off doubles, a permanent failure is not repeated, and a failure's outputs stay readable.
/// </summary>
public sealed class ActionRetryTests : IAsyncLifetime
{
    private OrchestratorServer _server = null!;

    private HttpClient Client => _server.Client;

    public async Task InitializeAsync() => _server = await OrchestratorServer.StartWithActivitiesAsync(new FlakyAction());

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("throw", "InvalidOperationException: boom")]
    [InlineData("fail", "service unavailable")]
    public async Task An_action_that_keeps_failing_is_tried_max_attempts_times_then_faults_the_run(string mode, string error)
    {
        var id = await Client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId($"action-retry-{mode}"),
            [Start, Node("f", FlakyAction.TypeName, new { mode }, retry: new { maxAttempts = 3, backoffSeconds = 0 })],
            ["start -> f"]));

        var run = await Client.WaitForStatusAsync(await Client.RunAsync(id), "Faulted");

        var entries = run.EntriesOf("f");
        entries.Select(e => e.Int("attempt")).Should().Equal(1, 2, 3);
        entries.Should().AllSatisfy(e => { e.Str("outcome").Should().Be("Failed"); e.Str("error").Should().Be(error); });
        run["fault"]!.Int("attempt").Should().Be(3);
        run["bookmarks"]!.AsArray().Should().BeEmpty("nothing is left waiting to try again");
    }

    [Fact]
    public async Task An_action_that_hangs_times_out_on_each_try_and_stops_after_max_attempts()
    {
        var node = Node("f", FlakyAction.TypeName, new { mode = "hang" }, retry: new { maxAttempts = 2, backoffSeconds = 0 });
        node["timeoutSeconds"] = 1;
        var id = await Client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("action-retry-hang"), [Start, node], ["start -> f"]));

        var run = await Client.WaitForStatusAsync(await Client.RunAsync(id), "Faulted", TimeSpan.FromSeconds(20));

        var entries = run.EntriesOf("f");
        entries.Select(e => e.Int("attempt")).Should().Equal(1, 2);
        entries.Should().AllSatisfy(e => e.Str("error").Should().Be("Timed out after 1 s."));
    }

    [Fact]
    public async Task The_back_off_between_tries_of_an_action_doubles()
    {
        var id = await Client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("action-retry-backoff"),
            [Start, Node("f", FlakyAction.TypeName, new { mode = "fail" }, retry: new { maxAttempts = 3, backoffSeconds = 0.4 })],
            ["start -> f"]));

        var run = await Client.WaitForStatusAsync(await Client.RunAsync(id), "Faulted", TimeSpan.FromSeconds(20));

        var entries = run.EntriesOf("f");
        entries.Should().HaveCount(3);
        Gap(entries[0], entries[1]).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(380));
        Gap(entries[1], entries[2]).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(780), "the second back-off is twice the first");
    }

    [Fact]
    public async Task A_permanent_failure_is_not_retried()
    {
        var id = await Client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("action-permanent"),
            [Start, Node("f", FlakyAction.TypeName, new { mode = "permanent" }, retry: new { maxAttempts = 5, backoffSeconds = 0 })],
            ["start -> f"]));

        var run = await Client.WaitForStatusAsync(await Client.RunAsync(id), "Faulted");

        run.EntriesOf("f").Should().ContainSingle().Which.Str("error").Should().Be("no such service");
    }

    [Fact]
    public async Task The_outputs_of_a_failed_action_are_in_the_journal_and_readable_on_the_Failed_branch()
    {
        var id = await Client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("action-failed-outputs"),
            [Start, Node("f", FlakyAction.TypeName, new { mode = "fail" }, retry: new { maxAttempts = 2, backoffSeconds = 0 }),
                Log("handler", "'status ' + outputs.f.status + ': ' + outputs.f.error")],
            ["start -> f", "f.Failed -> handler"]));

        var run = await Client.WaitForStatusAsync(await Client.RunAsync(id), "Finished");

        run.EntriesOf("f").Should().HaveCount(2).And.AllSatisfy(e => e["outputs"]!["status"]!.GetValue<int>().Should().Be(503));
        run.SingleEntry("handler")["outputs"]!.Str("message").Should().Be("status 503: service unavailable");
    }

    [Fact]
    public async Task A_wait_that_times_out_is_retried_max_attempts_times_then_faults()
    {
        var wait = WaitFor("w", "never-sent");
        wait["timeoutSeconds"] = 1;
        wait["retry"] = new JsonObject { ["maxAttempts"] = 2, ["backoffSeconds"] = 0 };
        var id = await Client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("wait-retry"), [Start, wait], ["start -> w"]));

        var run = await Client.WaitForStatusAsync(await Client.RunAsync(id, correlationId: WorkflowCalls.NewId("c")), "Faulted", TimeSpan.FromSeconds(20));

        run.EntriesOf("w").Select(e => e.Int("attempt")).Should().Equal(1, 2);
        run["fault"]!.Str("message").Should().Contain("Timed out after 1 s");
    }

    private static TimeSpan Gap(JsonNode earlier, JsonNode later) =>
        later["startedAt"]!.GetValue<DateTimeOffset>() - earlier["completedAt"]!.GetValue<DateTimeOffset>();
}
