using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Hosting;
using Orchestrator.Server.Tests.Workflows;
using Orchestrator.Tests.Shared;
using static Orchestrator.Server.Tests.Workflows.DefinitionJson;

namespace Orchestrator.Server.Tests.Api;

/// <summary>The SLA clock over HTTP (issue 11): settings, clocks on the incident, the 50 % and 75 % warnings and the
/// breach raised once each by Quartz timers at the right time, on the timeline and as events; On Hold pausing.</summary>
public sealed class SlaTests(SqliteServerFixture fixture) : IClassFixture<SqliteServerFixture>
{
    private readonly HttpClient _client = fixture.Client;

    /// <summary>P4 (impact 2, urgency 3): resolve in 6 s and respond in 60 s, so a test sees every milestone quickly.</summary>
    private static object ShortTargets => new
    {
        policies = new object[]
        {
            new { priority = 1, responseMinutes = 15, resolutionMinutes = 240, calendar = "24x7" },
            new { priority = 4, responseMinutes = 1, resolutionMinutes = 0.1, calendar = "24x7" },
        },
        calendars = new object[]
        {
            new { name = "office", timeZone = "Europe/Berlin", week = new { mon = new[] { "09:00-17:00" } }, holidays = new[] { "2026-12-25" } },
        },
    };

    [Fact]
    public async Task The_default_settings_are_24x7_with_a_target_per_priority_and_bad_settings_are_refused_naming_the_field()
    {
        var settings = await (await _client.GetAsync("/api/settings/sla")).ShouldBeAsync(HttpStatusCode.OK);
        settings["policies"]!.AsArray().Select(p => p!.Int("priority")).Should().Contain([2, 3, 5]);

        var badZone = await (await _client.PutAsJsonAsync("/api/settings/sla", new
        {
            policies = new[] { new { priority = 1, responseMinutes = 15, resolutionMinutes = 240, calendar = "office" } },
            calendars = new[] { new { name = "office", timeZone = "Atlantis/Capital", week = new { mon = new[] { "09:00-17:00" } } } },
        })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        badZone.Str("field").Should().Be("calendars[0].timeZone");

        var unknownCalendar = await (await _client.PutAsJsonAsync("/api/settings/sla", new
        {
            policies = new[] { new { priority = 1, responseMinutes = 15, resolutionMinutes = 240, calendar = "weekdays" } },
            calendars = Array.Empty<object>(),
        })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        unknownCalendar.Str("field").Should().Be("policies[0].calendar");
        unknownCalendar.Str("detail").Should().Contain("'weekdays' is not defined");
    }

    [Fact]
    public async Task The_clocks_raise_50_and_75_percent_warnings_and_the_breach_once_each_on_time_on_the_timeline_and_as_events()
    {
        await (await _client.PutAsJsonAsync("/api/settings/sla", ShortTargets)).ShouldBeAsync(HttpStatusCode.OK);
        var service = WorkflowCalls.NewId("sla");
        var definitionId = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("on-sla"),
            [Start, Log("log", "input.clock + ' ' + ((object.has_key input 'percent') ? input.percent : 'breached')")],
            ["start -> log"],
            triggers: new[]
            {
                new { @event = "incident.slaWarning", filter = $"incident.service == \"{service}\"" },
                new { @event = "incident.slaBreached", filter = $"incident.service == \"{service}\"" },
            }));

        var incident = await _client.CreateIncidentAsync(new { title = "Reports slow", impact = 2, urgency = 3, service });
        var created = DateTimeOffset.Parse(incident.Str("createdAt"));
        var clocks = (await _client.GetIncidentAsync(incident.Str("id")))["sla"]!.AsArray();
        var resolution = clocks.Single(c => c!.Str("clock") == "Resolution")!;
        resolution["targetMinutes"]!.GetValue<double>().Should().Be(0.1);
        DateTimeOffset.Parse(resolution.Str("dueAt")).Should().BeCloseTo(created.AddSeconds(6), TimeSpan.FromMilliseconds(5));

        var timeline = await Eventually.Async(() => _client.GetTimelineAsync(incident.Str("id")),
            t => t.Any(e => e!.Str("kind") == "SlaBreached"), "the resolution SLA breached", TimeSpan.FromSeconds(20), t => t.ToJsonString());

        var milestones = timeline.Where(e => e!.Str("kind") is "SlaWarning" or "SlaBreached" && e!["data"]!.Str("clock") == "Resolution").Select(e => e!).ToList();
        milestones.Select(e => e["data"]!.Str("percent")).Should().Equal("50", "75", "100");
        foreach (var (entry, percent) in milestones.Zip(new[] { 50, 75, 100 }))
        {
            var due = created.AddSeconds(6 * percent / 100.0);
            DateTimeOffset.Parse(entry.Str("at")).Should().BeOnOrAfter(due.AddSeconds(-1)).And.BeBefore(due.AddSeconds(3), $"the {percent} % milestone falls due at {due:O}");
        }

        milestones[0].Str("summary").Should().Be("Resolution SLA at 50 % of its 6 s target");
        milestones[0].Str("actor").Should().Be("sla");
        var sla = (await _client.GetIncidentAsync(incident.Str("id")))["sla"]!.AsArray().Single(c => c!.Str("clock") == "Resolution")!;
        sla["breached"]!.GetValue<bool>().Should().BeTrue();
        sla.Int("percent").Should().BeGreaterThanOrEqualTo(100);

        var runs = await Eventually.Async(async () => (await _client.GetIncidentAsync(incident.Str("id")))["runs"]!.AsArray(),
            r => r.Count >= 3, "three SLA runs", describe: r => r.ToJsonString());
        runs.Select(r => r!.Str("trigger")).Should().BeEquivalentTo(["incident.slaWarning", "incident.slaWarning", "incident.slaBreached"]);
        var messages = new List<string>();
        foreach (var run in runs)
        {
            messages.Add((await _client.WaitForStatusAsync(run!.Str("instanceId"), "Finished")).SingleEntry("log")["outputs"]!.Str("message"));
        }

        messages.Should().BeEquivalentTo(["Resolution 50", "Resolution 75", "Resolution breached"]);
        await Task.Delay(TimeSpan.FromSeconds(1));
        (await _client.GetTimelineAsync(incident.Str("id"))).Count(e => e!.Str("kind") == "SlaBreached" && e!["data"]!.Str("clock") == "Resolution")
            .Should().Be(1, "a breach is raised once");
    }

    [Fact]
    public async Task On_hold_pauses_the_resolution_clock_and_moves_its_deadline_by_the_time_on_hold_and_resolving_stops_it()
    {
        await (await _client.PutAsJsonAsync("/api/settings/sla", ShortTargets)).ShouldBeAsync(HttpStatusCode.OK);
        var incident = await _client.CreateIncidentAsync(new { title = "Printer offline", impact = 2, urgency = 3, service = WorkflowCalls.NewId("print") });
        var id = incident.Str("id");
        await (await _client.PostAsJsonAsync($"/api/incidents/{id}/assignment", new { group = "desk" })).ShouldBeAsync(HttpStatusCode.OK);
        await _client.MoveAsync(id, new { to = "InProgress" });
        await _client.MoveAsync(id, new { to = "OnHold", holdReason = "AwaitingVendor" });

        var paused = Resolution(await _client.GetIncidentAsync(id));
        paused["paused"]!.GetValue<bool>().Should().BeTrue();
        paused["dueAt"].Should().BeNull();
        var response = (await _client.GetIncidentAsync(id))["sla"]!.AsArray().Single(c => c!.Str("clock") == "Response")!;
        response["stopped"]!.GetValue<bool>().Should().BeTrue("work started");
        response["breached"]!.GetValue<bool>().Should().BeFalse();

        await Task.Delay(TimeSpan.FromSeconds(7)); // past the 6 s target, but on hold
        (await _client.GetTimelineAsync(id)).Should().NotContain(e => e!.Str("kind") == "SlaBreached", "the clock does not run On Hold");
        var elapsedOnHold = paused["elapsedMinutes"]!.GetValue<double>();

        var resumedAt = DateTimeOffset.Parse((await _client.MoveAsync(id, new { to = "InProgress" })).Str("updatedAt"));
        var resumed = Resolution(await _client.GetIncidentAsync(id));
        resumed["paused"]!.GetValue<bool>().Should().BeFalse();
        DateTimeOffset.Parse(resumed.Str("dueAt")).Should().BeCloseTo(resumedAt.AddMinutes(0.1 - elapsedOnHold), TimeSpan.FromMilliseconds(200),
            "the deadline resumes with the time that was left");

        await _client.MoveAsync(id, new { to = "Resolved", resolutionCode = "Fixed", notes = "Vendor replaced the fuser" });
        var stopped = Resolution(await _client.GetIncidentAsync(id));
        stopped["stopped"]!.GetValue<bool>().Should().BeTrue();
        stopped["dueAt"].Should().BeNull();
    }

    private static JsonNode Resolution(JsonNode incident) => incident["sla"]!.AsArray().Single(c => c!.Str("clock") == "Resolution")!;
}
