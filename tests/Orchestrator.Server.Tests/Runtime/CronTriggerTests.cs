using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Tests.Shared;
using Quartz;
using Orchestrator.Server.Tests.Api;
using Orchestrator.Server.Tests.Hosting;
using Orchestrator.Server.Tests.Workflows;

namespace Orchestrator.Server.Tests.Runtime;

/// <summary>Cron triggers start runs of the published version on schedule, through Quartz; retracting stops them.</summary>
public sealed class CronTriggerTests(SqliteServerFixture fixture) : IClassFixture<SqliteServerFixture>
{
    [Fact]
    public async Task A_published_cron_trigger_starts_runs_and_retracting_stops_them()
    {
        await fixture.Client.PublishDefinitionAsync("""
            { "definitionId": "every-second", "name": "Every second",
              "triggers": [ { "cron": "* * * * * ?" } ],
              "root": { "activities": [ { "id": "start", "type": "Start" }, { "id": "end", "type": "End" } ],
                        "connections": [ { "source": { "activity": "start" }, "target": { "activity": "end" } } ] } }
            """);

        await Eventually.Async(Runs, runs => runs >= 2, "two runs started by the schedule", TimeSpan.FromSeconds(15), interval: TimeSpan.FromMilliseconds(200));
        var list = await (await fixture.Client.GetAsync("/api/workflow-instances?definitionId=every-second&pageSize=1")).ShouldBeAsync(HttpStatusCode.OK);
        var run = await fixture.Client.WaitForStatusAsync(list["items"]![0]!["id"]!.GetValue<string>(), TimeSpan.FromSeconds(10), "Finished");
        run["input"]!["schedule"]!.GetValue<string>().Should().Be("* * * * * ?");

        (await fixture.Client.DeleteAsync("/api/workflow-definitions/every-second")).StatusCode.Should().Be(HttpStatusCode.NoContent);

        // Retracting removes the schedule from Quartz, so nothing can start another run (no sleeping to see that it does not).
        var scheduler = await fixture.Server.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var job = new JobKey("every-second", "workflow-cron");
        (await scheduler.Exists(job)).Should().BeFalse("deleting the job deletes its triggers");
        (await scheduler.Exists(new TriggerKey("every-second#0", "workflow-cron"))).Should().BeFalse();
        // A firing already under way when it was retracted may still start one run: it settles, and then nothing changes.
        await fixture.Server.WhenIdleAsync();
        var afterRetract = await Runs();
        await fixture.Server.WhenIdleAsync();
        (await Runs()).Should().Be(afterRetract);
    }

    [Fact]
    public async Task An_invalid_cron_schedule_is_rejected_naming_the_trigger()
    {
        var response = await fixture.Client.PostAsync("/api/workflow-definitions/validate", new StringContent("""
            { "definitionId": "bad-cron", "name": "Bad cron", "triggers": [ { "cron": "every tuesday" } ],
              "root": { "activities": [ { "id": "start", "type": "Start" } ] } }
            """, Encoding.UTF8, "application/json"));

        var result = await response.ShouldBeAsync(HttpStatusCode.OK);
        result["valid"]!.GetValue<bool>().Should().BeFalse();
        result["errors"]!.AsArray().Should().ContainSingle(e => e!["input"]!.GetValue<string>() == "triggers"
            && e["message"]!.GetValue<string>().Contains("every tuesday"));
    }

    private async Task<int> Runs() =>
        (await (await fixture.Client.GetAsync("/api/workflow-instances?definitionId=every-second&pageSize=1")).ShouldBeAsync(HttpStatusCode.OK))["total"]!.GetValue<int>();
}
