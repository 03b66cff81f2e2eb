using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Hosting;

namespace Orchestrator.Server.Tests.Api;

/// <summary>
/// Durability and first-start seeding, on servers these tests start themselves (each on its own fresh database),
/// run once on SQLite and once on PostgreSQL.
/// </summary>
public abstract class RestartAndSeedTests(string provider)
{
    [DatabaseFact]
    public async Task Data_survives_a_restart_and_numbers_continue()
    {
        await using var server = await OrchestratorServer.StartAsync(TestDatabase.For(provider));
        var incidentId = (await server.Client.CreateIncidentInProgressAsync("Queue consumers lag")).Id();
        await (await server.Client.PostAsJsonAsync($"/api/incidents/{incidentId}/notes", new { text = "Scaled consumers to 6", kind = "WorkNote" }))
            .ShouldBeAsync(HttpStatusCode.OK);
        var problem = await server.Client.CreateProblemAsync(new
        {
            title = "Consumers cannot keep up at peak",
            description = "Lag grows every Monday morning",
            rootCause = "Fixed consumer count",
            workaround = "Scale by hand",
            knownError = true,
            service = "queue",
        });
        var incidentBefore = await server.Client.GetIncidentAsync(incidentId);
        var timelineBefore = await server.Client.GetTimelineAsync(incidentId);
        var problemBefore = await server.Client.GetProblemAsync(problem.Id());

        await server.RestartAsync();

        var incidentAfter = await server.Client.GetIncidentAsync(incidentId);
        incidentAfter.Str("state").Should().Be("InProgress");
        incidentAfter.Int("version").Should().Be(incidentBefore.Int("version"));
        ShouldBeSame(incidentAfter, incidentBefore);

        var timelineAfter = await server.Client.GetTimelineAsync(incidentId);
        timelineAfter.Count.Should().Be(timelineBefore.Count);
        timelineAfter.Select(e => e!.Str("kind")).Should().Equal("Created", "StateChanged", "WorkNote");
        timelineAfter.Last()!.Str("summary").Should().Contain("Scaled consumers to 6");
        ShouldBeSame(timelineAfter, timelineBefore);

        var problemAfter = await server.Client.GetProblemAsync(problem.Id());
        problemAfter.Str("number").Should().Be(problem.Str("number"));
        problemAfter.Str("title").Should().Be("Consumers cannot keep up at peak");
        problemAfter.Str("description").Should().Be("Lag grows every Monday morning");
        problemAfter.Str("rootCause").Should().Be("Fixed consumer count");
        problemAfter.Str("workaround").Should().Be("Scale by hand");
        problemAfter["knownError"]!.GetValue<bool>().Should().BeTrue();
        problemAfter.Str("service").Should().Be("queue");
        problemAfter.Str("state").Should().Be("Open");
        problemAfter.Int("version").Should().Be(1);
        ShouldBeSame(problemAfter, problemBefore);

        var next = await server.Client.CreateIncidentAsync();
        Sequence(next).Should().Be(Sequence(incidentBefore) + 1);
        var nextProblem = await server.Client.CreateProblemAsync();
        Sequence(nextProblem).Should().Be(Sequence(problem) + 1);
    }

    [DatabaseFact]
    public async Task Demo_data_is_seeded_once_on_first_start()
    {
        var settings = new Dictionary<string, string?> { ["Orchestrator:SeedDemoData"] = "true" };
        await using var server = await OrchestratorServer.StartAsync(TestDatabase.For(provider), settings);

        var incidents = await Get(server.Client, "/api/incidents?pageSize=200");
        var problems = await Get(server.Client, "/api/problems?pageSize=200");
        incidents.Int("total").Should().Be(6);
        problems.Int("total").Should().Be(1);
        var items = incidents["items"]!.AsArray().Select(i => i!).ToList();
        var problemId = problems["items"]!.AsArray().Single()!.Id();
        items.Should().Contain(i => i.Str("majorStatus") == "Accepted" && i["roles"]!.Str("IncidentCommander").Length > 0);
        items.Should().ContainSingle(i => i.Str("state") == "OnHold" && i.Str("holdReason") == "AwaitingProblem")
            .Which.Str("problemId").Should().Be(problemId);
        (await Get(server.Client, $"/api/problems/{problemId}/incidents")).Int("total").Should().Be(1);
        var fromAlert = items.Should().ContainSingle(i => i.Str("caller") == "integration:demo-alertmanager").Subject;
        (await Get(server.Client, $"/api/incidents/{fromAlert.Id()}/alerts")).Int("total").Should().Be(1);
        (await Get(server.Client, "/api/integrations"))["items"]!.AsArray().Select(i => i!.Str("name"))
            .Should().BeEquivalentTo("demo-alertmanager", "demo-pagerduty-events");

        await server.RestartAsync();

        (await Get(server.Client, "/api/incidents")).Int("total").Should().Be(6);
        (await Get(server.Client, "/api/problems")).Int("total").Should().Be(1);
    }

    private static async Task<JsonNode> Get(HttpClient client, string path) =>
        await (await client.GetAsync(path)).ShouldBeAsync(HttpStatusCode.OK);

    private static int Sequence(JsonNode record) => int.Parse(record.Str("number")[3..]);

    /// <summary>The same record, except the live SLA figures (elapsed and remaining time move on); the clocks' start,
    /// target and due time must survive.</summary>
    private static void ShouldBeSame(JsonNode after, JsonNode before)
    {
        var (a, b) = (WithoutLiveFigures(after), WithoutLiveFigures(before));
        JsonNode.DeepEquals(a, b).Should().BeTrue("after the restart it read {0} but before it read {1}", a.ToJsonString(), b.ToJsonString());
    }

    private static JsonNode WithoutLiveFigures(JsonNode record)
    {
        var copy = record.DeepClone();
        foreach (var clock in (copy as JsonObject)?["sla"]?.AsArray() ?? [])
        {
            foreach (var live in new[] { "elapsedMinutes", "remainingMinutes", "percent" })
            {
                clock!.AsObject().Remove(live);
            }
        }

        return copy;
    }
}

public sealed class RestartAndSeedOnSqlite() : RestartAndSeedTests("Sqlite");

public sealed class RestartAndSeedOnPostgreSql() : RestartAndSeedTests("PostgreSql"), IRunsOnPostgreSql;
