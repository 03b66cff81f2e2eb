using Microsoft.Data.Sqlite;
using Orchestrator.Server.Tests.Api;
using Orchestrator.Server.Tests.Hosting;
using Orchestrator.Server.Tests.Workflows;
using static Orchestrator.Server.Tests.Workflows.DefinitionJson;

namespace Orchestrator.Server.Tests.Runtime;

/// <summary>
/// A run suspended by an earlier version resumes after the upgrade: its bookmark rows are rewritten, while the server is
/// stopped, into exactly what the version before the typed bookmark envelope stored (the runtime's fields beside the
/// activity's data in one JSON object), and the restarted server must read them as that version meant them.
/// </summary>
public sealed class UpgradeTests : IAsyncLifetime
{
    private OrchestratorServer _server = null!;

    private HttpClient Client => _server.Client;

    public async Task InitializeAsync() => _server = await OrchestratorServer.StartWithActivitiesAsync(new FlakyAction());

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_retry_back_off_stored_as_a_Timer_with_retry_and_try_runs_the_try_it_names()
    {
        var id = await Client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("upgrade-retry"),
            [Start, Node("f", FlakyAction.TypeName, new { mode = "fail" }, retry: new { maxAttempts = 2, backoffSeconds = 3600 })],
            ["start -> f"]));
        var instanceId = await Client.RunAsync(id);
        await Client.WaitForAsync(instanceId, i => i.EntriesOf("f").Any(e => e.Str("outcome") == "Failed") && i.Bookmarks().Count == 1,
            "the first try failed and the back-off waits");

        await _server.RestartAsync(() => RewriteBookmarksAsync(instanceId, "Timer", """{"retry":true,"try":2}""", dueNow: true));

        var run = await Client.WaitForStatusAsync(instanceId, "Faulted", TimeSpan.FromSeconds(20));
        run.EntriesOf("f").Select(e => e.Int("attempt")).Should().Equal([1, 2], "try 2 of 2 ran, and the policy stopped there");
    }

    [Fact]
    public async Task An_action_stored_with_inputs_and_try_reruns_with_those_inputs_and_counts_that_try()
    {
        var node = Node("f", FlakyAction.TypeName, new { mode = "hang" }, retry: new { maxAttempts = 2, backoffSeconds = 0 });
        node["timeoutSeconds"] = 3600;
        var id = await Client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("upgrade-action"), [Start, node], ["start -> f"]));
        var instanceId = await Client.RunAsync(id);
        await Client.WaitForBookmarkAsync(instanceId, "f");

        await _server.RestartAsync(() => RewriteBookmarksAsync(instanceId, "Action", """{"inputs":{"mode":"fail"},"try":2}""", dueNow: false));

        var run = await Client.WaitForStatusAsync(instanceId, "Faulted", TimeSpan.FromSeconds(20));
        run.EntriesOf("f").Should().ContainSingle().Which.Str("error").Should().Be("service unavailable");
    }

    [Fact]
    public async Task A_wait_stored_with_the_timeout_marker_times_out_when_due()
    {
        var wait = WaitFor("w", "never-sent");
        wait["timeoutSeconds"] = 3600;
        var id = await Client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("upgrade-wait"), [Start, wait], ["start -> w"]));
        var instanceId = await Client.RunAsync(id, correlationId: WorkflowCalls.NewId("c"));
        await Client.WaitForBookmarkAsync(instanceId, "w");

        await _server.RestartAsync(() => RewriteBookmarksAsync(instanceId, "Event", """{"timeout":true}""", dueNow: true));

        var run = await Client.WaitForStatusAsync(instanceId, "Faulted", TimeSpan.FromSeconds(20));
        run["fault"]!.Str("message").Should().Be("Timed out after 3600 s without being resumed.");
    }

    [Fact]
    public async Task An_approval_stored_by_an_earlier_version_is_listed_with_its_question_and_decided_as_asked()
    {
        var id = await Client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("upgrade-approval"),
            [Start, Node("ask", "Approval", new { title = "Ship it?", assignees = new[] { "erin" }, options = new[] { "Ship", "Hold" } }),
             Log("held", "'held by ' + outputs.ask.decidedBy + ': ' + outputs.ask.comment")],
            ["start -> ask", "ask.Hold -> held"]));
        var instanceId = await Client.RunAsync(id);
        await Client.WaitForBookmarkAsync(instanceId, "ask");

        await _server.RestartAsync(() => RewriteBookmarksAsync(instanceId, "Approval",
            """{"title":"Ship it? (asked before the upgrade)","assignees":["erin","sre"],"options":["Ship","Hold"]}""", dueNow: false));

        var pending = await Client.WaitForApprovalAsync(instanceId);
        pending.Str("title").Should().Be("Ship it? (asked before the upgrade)");
        pending["assignees"]!.AsArray().Select(a => a!.GetValue<string>()).Should().Equal("erin", "sre");
        pending["options"]!.AsArray().Select(o => o!.GetValue<string>()).Should().Equal("Ship", "Hold");
        await (await Client.DecideAsync(pending.Str("id"), "hold", "freeze")).ShouldBeAsync(System.Net.HttpStatusCode.Accepted);

        var run = await Client.WaitForStatusAsync(instanceId, "Finished");
        run.SingleEntry("ask").Str("outcome").Should().Be("Hold");
        run.SingleEntry("held")["outputs"]!.Str("message").Should().StartWith("held by ").And.EndWith(": freeze");
    }

    private async Task RewriteBookmarksAsync(string instanceId, string kind, string dataJson, bool dueNow)
    {
        await using var connection = new SqliteConnection(_server.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = dueNow
            ? "UPDATE WorkflowBookmarks SET Kind = $kind, DataJson = $data, DueAt = CreatedAt WHERE InstanceId = $id"
            : "UPDATE WorkflowBookmarks SET Kind = $kind, DataJson = $data WHERE InstanceId = $id";
        command.Parameters.AddWithValue("$kind", kind);
        command.Parameters.AddWithValue("$data", dataJson);
        command.Parameters.AddWithValue("$id", instanceId);
        (await command.ExecuteNonQueryAsync()).Should().Be(1, "the run waits on one bookmark");
    }
}
