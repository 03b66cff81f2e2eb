using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Hosting;

namespace Orchestrator.Server.Tests.Api;

/// <summary>The problem routes through real HTTP, run once on SQLite and once on PostgreSQL.</summary>
public abstract class ProblemsApiTests(ServerFixture fixture)
{
    private readonly HttpClient _client = fixture.Enabled ? fixture.Client : new HttpClient();

    [DatabaseFact]
    public async Task Create_returns_201_with_number_state_version_and_location()
    {
        var response = await _client.PostAsJsonAsync("/api/problems", new
        {
            title = "Database servers fill their disks",
            description = "No logrotate policy for the audit log",
            workaround = "Delete old logs by hand",
            knownError = true,
            service = "reporting",
        });

        var problem = await response.ShouldBeAsync(HttpStatusCode.Created);
        response.Headers.Location!.ToString().Should().Be($"/api/problems/{problem.Id()}");
        response.Headers.ETag!.Tag.Should().Be("\"1\"");
        problem.Str("number").Should().MatchRegex("^PRB[0-9]{7}$");
        problem.Str("state").Should().Be("Open");
        problem.Int("version").Should().Be(1);
        problem.Str("title").Should().Be("Database servers fill their disks");
        problem.Str("workaround").Should().Be("Delete old logs by hand");
        problem["knownError"]!.GetValue<bool>().Should().BeTrue();
        problem["rootCause"].Should().BeNull();
        problem["resolvedAt"].Should().BeNull();
    }

    [DatabaseFact]
    public async Task Problem_numbers_increase_by_one()
    {
        var first = await _client.CreateProblemAsync();
        var second = await _client.CreateProblemAsync();

        int.Parse(second.Str("number")[3..]).Should().Be(int.Parse(first.Str("number")[3..]) + 1);
    }

    [DatabaseFact]
    public async Task Create_without_title_is_a_400_naming_title()
    {
        var response = await _client.PostAsJsonAsync("/api/problems", new { description = "No title" });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.ErrorsFor("title").Should().NotBeEmpty();
        problem.Str("field").Should().Be("title");
    }

    [DatabaseFact]
    public async Task Get_returns_the_problem_and_its_version_as_etag()
    {
        var created = await _client.CreateProblemAsync(new { title = "Certificates expire unnoticed", service = "edge" });

        var response = await _client.GetAsync($"/api/problems/{created.Id()}");

        var problem = await response.ShouldBeAsync(HttpStatusCode.OK);
        response.Headers.ETag!.Tag.Should().Be("\"1\"");
        problem.Id().Should().Be(created.Id());
        problem.Str("number").Should().Be(created.Str("number"));
        problem.Str("title").Should().Be("Certificates expire unnoticed");
        problem.Str("service").Should().Be("edge");
        problem.Str("state").Should().Be("Open");
    }

    [DatabaseFact]
    public async Task List_pages_newest_first()
    {
        var created = new List<JsonNode>();
        for (var i = 0; i < 3; i++)
        {
            created.Add(await _client.CreateProblemAsync(new { title = $"Paging problem {i}" }));
        }

        var page1 = await List("page=1&pageSize=2");
        page1.Int("page").Should().Be(1);
        page1.Int("pageSize").Should().Be(2);
        page1.Int("total").Should().BeGreaterThanOrEqualTo(3);
        page1["items"]!.AsArray().Select(p => p!.Id()).Should().Equal(created[2].Id(), created[1].Id());

        var page2 = await List("page=2&pageSize=2");
        page2.Int("page").Should().Be(2);
        page2.Int("total").Should().Be(page1.Int("total"));
        page2["items"]!.AsArray().Select(p => p!.Id()).Should().StartWith(created[0].Id());

        var all = await List(string.Empty);
        all.Int("page").Should().Be(1);
        all.Int("pageSize").Should().Be(20);
    }

    [DatabaseFact]
    public async Task Patch_changes_root_cause_workaround_and_known_error()
    {
        var id = (await _client.CreateProblemAsync()).Id();

        var response = await _client.PatchAsJsonAsync($"/api/problems/{id}", new
        {
            rootCause = "logrotate is not installed on the reporting hosts",
            workaround = "Delete logs older than 7 days",
            knownError = true,
            version = 1,
        });

        var patched = await response.ShouldBeAsync(HttpStatusCode.OK);
        response.Headers.ETag!.Tag.Should().Be("\"2\"");
        patched.Int("version").Should().Be(2);
        patched.Str("rootCause").Should().Be("logrotate is not installed on the reporting hosts");
        patched.Str("workaround").Should().Be("Delete logs older than 7 days");
        patched["knownError"]!.GetValue<bool>().Should().BeTrue();
        patched.Str("state").Should().Be("Open");

        var read = await _client.GetProblemAsync(id);
        read.Str("rootCause").Should().Be("logrotate is not installed on the reporting hosts");
        read.Str("workaround").Should().Be("Delete logs older than 7 days");
        read["knownError"]!.GetValue<bool>().Should().BeTrue();
        read.Int("version").Should().Be(2);
        read.Str("title").Should().Be("Log files fill the disks", "fields absent from the patch stay as they were");
    }

    [DatabaseFact]
    public async Task Patch_with_a_stale_version_is_a_409_with_the_current_version()
    {
        var id = (await _client.CreateProblemAsync()).Id();
        await (await _client.PatchAsJsonAsync($"/api/problems/{id}", new { workaround = "Restart", version = 1 })).ShouldBeAsync(HttpStatusCode.OK);

        var response = await _client.PatchAsJsonAsync($"/api/problems/{id}", new { workaround = "Reboot", version = 1 });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.Int("currentVersion").Should().Be(2);
        problem.Int("expectedVersion").Should().Be(1);
        var read = await _client.GetProblemAsync(id);
        read.Str("workaround").Should().Be("Restart");
        read.Int("version").Should().Be(2);
    }

    [DatabaseFact]
    public async Task Linking_an_incident_sets_its_problem_and_records_it_on_the_timeline()
    {
        var problem = await _client.CreateProblemAsync();
        var incidentId = (await _client.CreateIncidentAsync()).Id();

        var linked = await _client.LinkAsync(problem.Id(), incidentId);

        linked.Id().Should().Be(incidentId);
        linked.Str("problemId").Should().Be(problem.Id());
        (await _client.GetIncidentAsync(incidentId)).Str("problemId").Should().Be(problem.Id());
        var entry = (await _client.GetTimelineAsync(incidentId)).Last()!;
        entry.Str("kind").Should().Be("ProblemLinked");
        entry.Str("summary").Should().Contain(problem.Str("number"));
        entry["data"]!.Str("problemNumber").Should().Be(problem.Str("number"));
    }

    [DatabaseFact]
    public async Task Linking_an_unknown_incident_is_a_404_naming_it()
    {
        var problem = await _client.CreateProblemAsync();
        var unknown = Guid.NewGuid();

        var response = await _client.LinkIncidentAsync(problem.Id(), new { incidentId = unknown });

        var error = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        error.Str("detail").Should().Be($"No incident with id '{unknown}'.");
    }

    [DatabaseFact]
    public async Task Linked_incidents_are_listed_under_the_problem()
    {
        var problem = await _client.CreateProblemAsync();
        var first = (await _client.CreateIncidentAsync()).Id();
        var second = (await _client.CreateIncidentAsync()).Id();
        await _client.CreateIncidentAsync();
        await _client.LinkAsync(problem.Id(), first);
        await _client.LinkAsync(problem.Id(), second);

        var list = await (await _client.GetAsync($"/api/problems/{problem.Id()}/incidents")).ShouldBeAsync(HttpStatusCode.OK);

        list.Int("total").Should().Be(2);
        list.Int("page").Should().Be(1);
        list["items"]!.AsArray().Select(i => i!.Id()).Should().BeEquivalentTo([first, second]);
        list["items"]!.AsArray().Should().OnlyContain(i => i!.Str("problemId") == problem.Id());
    }

    [DatabaseFact]
    public async Task Resolve_resolves_incidents_awaiting_the_problem_and_leaves_the_others()
    {
        var problem = await _client.CreateProblemAsync();
        var waiting = await _client.CreateIncidentAwaitingProblemAsync();
        var working = (await _client.CreateIncidentInProgressAsync()).Id();
        await _client.LinkAsync(problem.Id(), waiting);
        await _client.LinkAsync(problem.Id(), working);
        var workingBefore = await _client.GetIncidentAsync(working);
        var workingTimelineBefore = (await _client.GetTimelineAsync(working)).Count;

        var response = await _client.ResolveProblemAsync(problem.Id(), new { rootCause = "No logrotate policy", notes = "Installed logrotate" });

        var result = await response.ShouldBeAsync(HttpStatusCode.OK);
        var resolvedProblem = result["problem"]!;
        resolvedProblem.Id().Should().Be(problem.Id());
        resolvedProblem.Str("state").Should().Be("Resolved");
        resolvedProblem.Str("rootCause").Should().Be("No logrotate policy");
        resolvedProblem.Str("resolutionNotes").Should().Be("Installed logrotate");
        resolvedProblem["resolvedAt"].Should().NotBeNull();
        resolvedProblem.Int("version").Should().Be(2);
        result["resolvedIncidents"]!.AsArray().Select(i => i!.Id()).Should().Equal(waiting);

        var incident = await _client.GetIncidentAsync(waiting);
        incident.Str("state").Should().Be("Resolved");
        incident.Str("resolutionCode").Should().Be("Fixed");
        incident.Str("resolutionNotes").Should().Contain(problem.Str("number"));
        incident["resolvedAt"].Should().NotBeNull();
        var last = (await _client.GetTimelineAsync(waiting)).Last()!;
        last.Str("kind").Should().Be("StateChanged");
        last["data"]!.Str("to").Should().Be("Resolved");

        var untouched = await _client.GetIncidentAsync(working);
        untouched.Str("state").Should().Be("InProgress");
        untouched.Int("version").Should().Be(workingBefore.Int("version"));
        untouched["resolutionCode"].Should().BeNull();
        (await _client.GetTimelineAsync(working)).Count.Should().Be(workingTimelineBefore);

        (await _client.GetProblemAsync(problem.Id())).Str("state").Should().Be("Resolved");
    }

    [DatabaseFact]
    public async Task Resolve_uses_the_root_cause_recorded_before()
    {
        var problem = await _client.CreateProblemAsync(new { title = "Cache stampede", rootCause = "No request coalescing" });

        var result = await (await _client.ResolveProblemAsync(problem.Id(), new { notes = "Added coalescing" })).ShouldBeAsync(HttpStatusCode.OK);

        result["problem"]!.Str("rootCause").Should().Be("No request coalescing");
        result["problem"]!.Str("state").Should().Be("Resolved");
        result["resolvedIncidents"]!.AsArray().Should().BeEmpty();
    }

    [DatabaseFact]
    public async Task Resolve_without_any_root_cause_is_a_400_and_changes_nothing()
    {
        var problem = await _client.CreateProblemAsync();
        var waiting = await _client.CreateIncidentAwaitingProblemAsync();
        await _client.LinkAsync(problem.Id(), waiting);
        var incidentBefore = await _client.GetIncidentAsync(waiting);

        var response = await _client.ResolveProblemAsync(problem.Id(), new { notes = "Fixed it somehow" });

        var error = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        error.ErrorsFor("rootCause").Should().NotBeEmpty();
        var read = await _client.GetProblemAsync(problem.Id());
        read.Str("state").Should().Be("Open");
        read.Int("version").Should().Be(1);
        read["resolutionNotes"].Should().BeNull();
        var incident = await _client.GetIncidentAsync(waiting);
        incident.Str("state").Should().Be("OnHold");
        incident.Str("holdReason").Should().Be("AwaitingProblem");
        incident.Int("version").Should().Be(incidentBefore.Int("version"));
    }

    [DatabaseFact]
    public async Task Resolving_twice_is_a_409()
    {
        var problem = await _client.CreateProblemAsync();
        await (await _client.ResolveProblemAsync(problem.Id(), new { rootCause = "Bad config" })).ShouldBeAsync(HttpStatusCode.OK);

        var response = await _client.ResolveProblemAsync(problem.Id(), new { rootCause = "Bad config again" });

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var read = await _client.GetProblemAsync(problem.Id());
        read.Str("rootCause").Should().Be("Bad config");
        read.Int("version").Should().Be(2);
    }

    [DatabaseFact]
    public async Task Resolve_with_an_unknown_resolution_code_is_a_400_and_the_problem_stays_open()
    {
        var problem = await _client.CreateProblemAsync();
        var waiting = await _client.CreateIncidentAwaitingProblemAsync();
        await _client.LinkAsync(problem.Id(), waiting);

        var response = await _client.ResolveProblemAsync(problem.Id(), new { rootCause = "Bad config", resolutionCode = "MagicHappened" });

        var error = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        error.ErrorsFor("resolutionCode").Should().NotBeEmpty();
        var read = await _client.GetProblemAsync(problem.Id());
        read.Str("state").Should().Be("Open");
        read["rootCause"].Should().BeNull();
        (await _client.GetIncidentAsync(waiting)).Str("state").Should().Be("OnHold");
    }

    [DatabaseFact]
    public async Task Resolve_with_a_custom_resolution_code_uses_its_configured_spelling()
    {
        var problem = await _client.CreateProblemAsync();
        var waiting = await _client.CreateIncidentAwaitingProblemAsync();
        await _client.LinkAsync(problem.Id(), waiting);

        var result = await (await _client.ResolveProblemAsync(problem.Id(), new { rootCause = "Vendor bug", resolutionCode = "workaround" }))
            .ShouldBeAsync(HttpStatusCode.OK);

        result["resolvedIncidents"]!.AsArray().Single()!.Str("resolutionCode").Should().Be("Workaround");
    }

    [DatabaseTheory]
    [InlineData("GET", "")]
    [InlineData("PATCH", "")]
    [InlineData("GET", "/incidents")]
    [InlineData("POST", "/incidents")]
    [InlineData("POST", "/resolve")]
    public async Task Unknown_problem_is_a_404_problem(string method, string suffix)
    {
        var id = Guid.NewGuid();
        var incidentId = (await _client.CreateIncidentAsync()).Id();
        using var request = new HttpRequestMessage(new HttpMethod(method), $"/api/problems/{id}{suffix}");
        if (method != "GET")
        {
            request.Content = JsonContent.Create(new { incidentId, rootCause = "x", workaround = "y" });
        }

        var response = await _client.SendAsync(request);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        problem.Str("detail").Should().Contain(id.ToString());
    }

    private async Task<JsonNode> List(string query) =>
        await (await _client.GetAsync($"/api/problems?{query}")).ShouldBeAsync(HttpStatusCode.OK);
}

public sealed class ProblemsApiOnSqlite(SqliteServerFixture fixture) : ProblemsApiTests(fixture), IClassFixture<SqliteServerFixture>;

public sealed class ProblemsApiOnPostgreSql(PostgreSqlServerFixture fixture) : ProblemsApiTests(fixture), IClassFixture<PostgreSqlServerFixture>, IRunsOnPostgreSql;
