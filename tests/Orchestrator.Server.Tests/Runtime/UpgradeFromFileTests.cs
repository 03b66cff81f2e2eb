using Orchestrator.Server.Tests.Api;
using Orchestrator.Server.Tests.Hosting;
using Orchestrator.Server.Tests.Workflows;

namespace Orchestrator.Server.Tests.Runtime;

/// <summary>
/// Runs suspended by the version before the typed bookmark envelope (commit a7ddbbf) resume after the upgrade. The
/// database is a real file that version wrote (<c>Fixtures/before-bookmark-envelope.db</c>, made as Fixtures/README.md
/// says): four published definitions and one run of each, suspended, with their bookmark rows and Quartz triggers in
/// that version's format. Every stored timer fell due long ago, so each fires as soon as the server starts.
/// </summary>
public sealed class UpgradeFromFileTests : IAsyncLifetime
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Runtime", "Fixtures", "before-bookmark-envelope.db");

    private OrchestratorServer _server = null!;

    private HttpClient Client => _server.Client;

    public async Task InitializeAsync() => _server = await OrchestratorServer.StartAsync(TestDatabase.SqliteFrom(Fixture));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_wait_for_an_event_is_resumed_by_the_event_sent_after_the_upgrade()
    {
        var instanceId = await StoredRunOf("upgrade-wait-event");

        var sent = await Client.SendEventAsync("go", "corr-go", new { note = "after the upgrade" });
        sent["resumed"]!.GetValue<int>().Should().Be(1, "the run stored before the upgrade waits for 'go' with correlation corr-go");

        var run = await Client.WaitForStatusAsync(instanceId, "Finished");
        run.SingleEntry("wait").Str("outcome").Should().Be("Done");
        run.SingleEntry("log")["outputs"]!.Str("message").Should().Be("got go: after the upgrade");
    }

    [Fact]
    public async Task A_wait_whose_time_out_fell_due_while_stopped_times_out_at_start_up()
    {
        var instanceId = await StoredRunOf("upgrade-wait-timeout");

        var run = await Client.WaitForStatusAsync(instanceId, "Finished");
        var wait = run.SingleEntry("wait");
        wait.Str("outcome").Should().Be("Failed", "the wait's time-out marker was read: the due time was its time-out, not the event");
        wait.Str("error").Should().Be("Timed out after 20 s without being resumed.");
        run.SingleEntry("timedout")["outputs"]!.Str("message").Should().Be("timed out: Timed out after 20 s without being resumed.");
        run.EntriesOf("arrived").Should().BeEmpty();
    }

    [Fact]
    public async Task A_delay_that_fell_due_while_stopped_ends_at_start_up()
    {
        var instanceId = await StoredRunOf("upgrade-delay");

        var run = await Client.WaitForStatusAsync(instanceId, "Finished");
        run.SingleEntry("delay").Str("outcome").Should().Be("Done");
        run.SingleEntry("log")["outputs"]!.Str("message").Should().Be("delay over");
    }

    [Fact]
    public async Task A_retry_back_off_continues_from_the_stored_try_and_the_policy_stops_at_its_last_try()
    {
        var instanceId = await StoredRunOf("upgrade-retry");

        // Try 2 runs at start-up (its back-off fell due long ago); try 3 after 4 s × 2; then the policy (3 tries) stops.
        var run = await Client.WaitForStatusAsync(instanceId, "Faulted", TimeSpan.FromSeconds(20));
        var tries = run.EntriesOf("fail");
        tries.Select(e => e.Int("attempt")).Should().Equal([1, 2, 3], "try 1 failed before the upgrade, the stored back-off was for try 2 of 3");
        tries.Should().AllSatisfy(e => e.Str("error").Should().Be("still broken"));
        run["fault"]!.Str("activityId").Should().Be("fail");
        run["fault"]!.Str("message").Should().Be("still broken");
    }

    /// <summary>The one run of <paramref name="definitionId"/> in the file, as the earlier version left it: not ended.</summary>
    private async Task<string> StoredRunOf(string definitionId)
    {
        var runs = (await Client.ListInstancesAsync($"definitionId={definitionId}"))["items"]!.AsArray();
        var run = runs.Should().ContainSingle($"the file holds one run of {definitionId}").Subject!;
        return run.Id();
    }
}
