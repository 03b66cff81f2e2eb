using System.Net;
using Orchestrator.Server.Tests.Api;
using Orchestrator.Server.Tests.Hosting;
using static Orchestrator.Server.Tests.Workflows.DefinitionJson;

namespace Orchestrator.Server.Tests.Workflows;

/// <summary><c>GET /api/workflow-instances?startedAfter=</c>: runs started at or after a time (the run list's "started
/// in the last …" filter); a time that is not one is refused naming the parameter.</summary>
public sealed class RunListFilterTests(SqliteServerFixture fixture) : IClassFixture<SqliteServerFixture>
{
    [Fact]
    public async Task Only_runs_started_at_or_after_the_time_are_listed()
    {
        var id = await fixture.Client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("list-since"), [Start, Log("hello", "'hi'")], ["start -> hello"]));
        var earlier = await fixture.Client.RunAsync(id);
        var earlierRun = await fixture.Client.WaitForStatusAsync(earlier, "Finished");
        var between = DateTimeOffset.Parse(earlierRun.Str("createdAt"), System.Globalization.CultureInfo.InvariantCulture).AddMilliseconds(1);
        while (DateTimeOffset.UtcNow <= between)
        {
            await Task.Yield(); // the next run must start after 'between' (a millisecond later at most)
        }

        var later = await fixture.Client.RunAsync(id);

        var listed = await fixture.Client.ListInstancesAsync($"definitionId={id}&startedAfter={Uri.EscapeDataString(between.ToString("O"))}");
        listed["items"]!.AsArray().Select(i => i!.Id()).Should().Equal(later);
        (await fixture.Client.ListInstancesAsync($"definitionId={id}"))["total"]!.GetValue<int>().Should().Be(2);
    }

    [Fact]
    public async Task A_start_time_that_is_not_a_time_is_400_naming_it()
    {
        var problem = await (await fixture.Client.GetAsync("/api/workflow-instances?startedAfter=yesterday")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.Str("field").Should().Be("startedAfter");
        problem.Str("detail").Should().Contain("ISO 8601");
    }
}
