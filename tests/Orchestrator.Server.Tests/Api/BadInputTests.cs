using System.Net;
using System.Net.Http.Json;
using System.Text;
using Orchestrator.Server.Tests.Hosting;

namespace Orchestrator.Server.Tests.Api;

/// <summary>Bad input gets a clear problem-details error naming the field, and stores nothing.</summary>
public abstract class BadInputTests(ServerFixture fixture)
{
    private readonly HttpClient _client = fixture.Enabled ? fixture.Client : new HttpClient();

    [DatabaseFact]
    public async Task Unknown_incident_id_is_404_for_every_route()
    {
        var id = Guid.NewGuid();

        (await (await _client.GetAsync($"/api/incidents/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound)).Str("detail").Should().Contain(id.ToString());
        await (await _client.GetAsync($"/api/incidents/{id}/timeline")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await _client.TransitionAsync(id.ToString(), new { to = "InProgress" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await _client.PostAsJsonAsync($"/api/incidents/{id}/notes", new { text = "x" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await _client.GetAsync("/api/incidents/not-a-guid")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task Creating_an_incident_with_an_unknown_or_misplaced_field_is_400_naming_it_and_stores_nothing()
    {
        var before = (await _client.GetFromJsonAsync<System.Text.Json.Nodes.JsonNode>("/api/incidents?q=misplaced-field-check"))!.Int("total");

        var problem = await (await _client.PostAsJsonAsync("/api/incidents",
            new { title = "misplaced-field-check", impact = 2, urgency = 2, assignmentGroup = "SRE" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.Str("field").Should().Be("assignmentGroup");
        problem.Str("detail").Should().Contain("assignmentGroup is not a field of this request").And.Contain("/assignment");
        (await _client.GetFromJsonAsync<System.Text.Json.Nodes.JsonNode>("/api/incidents?q=misplaced-field-check"))!.Int("total").Should().Be(before);
    }

    [DatabaseFact]
    public async Task Patching_a_field_that_is_not_descriptive_is_400_naming_the_field_at_fault()
    {
        var incident = await _client.CreateIncidentAsync();

        var problem = await (await _client.PatchAsJsonAsync($"/api/incidents/{incident.Id()}", new { group = "SRE", title = "changed?" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.Str("field").Should().Be("group");
        (await _client.GetIncidentAsync(incident.Id())).Str("title").Should().Be(incident.Str("title"), "nothing was changed");
    }

    [DatabaseFact]
    public async Task Illegal_transition_is_409_listing_the_allowed_targets_and_changes_nothing()
    {
        var id = (await _client.CreateIncidentAsync()).Id();

        var response = await _client.TransitionAsync(id, new { to = "Closed" });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem["allowed"].Strings().Should().Equal("Assigned", "InProgress", "OnHold", "Resolved", "Cancelled");
        problem.Str("current").Should().Be("New");
        problem.Str("attempted").Should().Be("Closed");
        await ShouldBeUnchanged(id, version: 1, timelineEntries: 1);
    }

    [DatabaseFact]
    public async Task Final_states_reject_every_move()
    {
        var id = (await _client.CreateIncidentAsync()).Id();
        await _client.MoveAsync(id, new { to = "Cancelled" });

        var problem = await (await _client.TransitionAsync(id, new { to = "InProgress" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        problem["allowed"]!.AsArray().Should().BeEmpty();
        await (await _client.PostAsJsonAsync($"/api/incidents/{id}/notes", new { text = "late" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [DatabaseTheory]
    [InlineData("""{ "to": "OnHold" }""", "holdReason")]
    [InlineData("""{ "to": "OnHold", "holdReason": "AwaitingCaller" }""", "notes")]
    [InlineData("""{ "to": "Resolved", "notes": "done" }""", "resolutionCode")]
    [InlineData("""{ "to": "Resolved", "resolutionCode": "Magic", "notes": "done" }""", "resolutionCode")]
    [InlineData("""{ "to": "Resolved", "resolutionCode": "Fixed" }""", "notes")]
    [InlineData("""{ "to": "InProgress", "holdReason": "AwaitingVendor" }""", "holdReason")]
    [InlineData("""{ }""", "to")]
    public async Task Missing_or_misplaced_transition_details_are_400_naming_the_field(string body, string field)
    {
        var id = (await _client.CreateIncidentAsync()).Id();

        var problem = await (await _client.PostRawAsync($"/api/incidents/{id}/transitions", body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.Str("field").Should().Be(field);
        problem["errors"]![field].Should().NotBeNull();
        await ShouldBeUnchanged(id, version: 1, timelineEntries: 1);
    }

    [DatabaseTheory]
    [InlineData("""{ "title": "t", "impact": 0, "urgency": 1 }""", "impact")]
    [InlineData("""{ "title": "t", "impact": 4, "urgency": 1 }""", "impact")]
    [InlineData("""{ "title": "t", "impact": 1, "urgency": 7 }""", "urgency")]
    [InlineData("""{ "title": "t", "impact": 1 }""", "urgency")]
    [InlineData("""{ "impact": 1, "urgency": 1 }""", "title")]
    [InlineData("""{ "title": "  ", "impact": 1, "urgency": 1 }""", "title")]
    [InlineData("""{ "title": "t", "impact": 1, "urgency": 1, "severity": 9 }""", "severity")]
    public async Task Invalid_new_incidents_are_400_naming_the_field_and_store_nothing(string body, string field)
    {
        var before = await Total();

        var problem = await (await _client.PostRawAsync("/api/incidents", body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.Str("field").Should().Be(field);
        (await Total()).Should().Be(before);
    }

    [DatabaseFact]
    public async Task Impact_outside_1_to_3_on_update_is_400_and_changes_nothing()
    {
        var id = (await _client.CreateIncidentAsync()).Id();

        var problem = await (await _client.PatchAsJsonAsync($"/api/incidents/{id}", new { impact = 5, title = "changed" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.Str("field").Should().Be("impact");
        (await _client.GetIncidentAsync(id)).Str("title").Should().Be("Disk full on db-1");
        await ShouldBeUnchanged(id, version: 1, timelineEntries: 1);
    }

    [DatabaseTheory]
    [InlineData("""{ "to": "Sideways" }""", "to", "Sideways")]
    [InlineData("""{ "to": 2 }""", "to", "IncidentState")]
    [InlineData("""{ "to": "OnHold", "holdReason": "AwaitingGodot" }""", "holdReason", "AwaitingCaller")]
    public async Task Unknown_enum_values_are_400_with_the_json_path(string body, string field, string mentioned)
    {
        var id = (await _client.CreateIncidentAsync()).Id();

        var problem = await (await _client.PostRawAsync($"/api/incidents/{id}/transitions", body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.Str("field").Should().Be(field);
        problem.Str("detail").Should().Contain($"$.{field}").And.Contain(mentioned);
        await ShouldBeUnchanged(id, version: 1, timelineEntries: 1);
    }

    [DatabaseTheory]
    [InlineData("""{ "title": "x", "impact": 1, "urgency": """, "urgency")]
    [InlineData("""{ "title": "x", "impact": "high", "urgency": 1 }""", "impact")]
    [InlineData("""not json at all""", "$")]
    public async Task Malformed_json_is_400_with_the_path(string body, string field)
    {
        var before = await Total();

        var problem = await (await _client.PostRawAsync("/api/incidents", body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.Str("field").Should().Be(field);
        problem.Str("detail").Should().Contain("not valid JSON");
        (await Total()).Should().Be(before);
    }

    [DatabaseFact]
    public async Task A_body_over_1_MB_is_413_and_stores_nothing()
    {
        var before = await Total();
        var huge = $$"""{ "title": "big", "impact": 1, "urgency": 1, "description": "{{new string('x', 1_100_000)}}" }""";

        // Like curl with large bodies, ask before sending: the server refuses on the declared length, so the client
        // reads the 413 instead of racing the server closing the connection while the body is still being sent.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/incidents") { Content = new StringContent(huge, Encoding.UTF8, "application/json") };
        request.Headers.ExpectContinue = true;

        var response = await _client.SendAsync(request);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        problem.Str("title").Should().Be("Request body too large", "docs/incidents.md promises this body");
        problem.Str("detail").Should().Be("The request body is larger than the 1024 KB limit.");
        (await Total()).Should().Be(before);
    }

    [DatabaseFact]
    public async Task A_stale_version_is_409_with_the_current_version_and_changes_nothing()
    {
        var id = (await _client.CreateIncidentAsync()).Id();
        await _client.MoveAsync(id, new { to = "InProgress", version = 1 });

        var problem = await (await _client.TransitionAsync(id, new { to = "Resolved", resolutionCode = "Fixed", notes = "n", version = 1 }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);

        problem.Int("currentVersion").Should().Be(2);
        problem.Int("expectedVersion").Should().Be(1);
        problem.Str("field").Should().Be("version");
        await ShouldBeUnchanged(id, version: 2, timelineEntries: 2);
    }

    [DatabaseFact]
    public async Task If_match_carries_the_version_too()
    {
        var id = (await _client.CreateIncidentAsync()).Id();
        await _client.MoveAsync(id, new { to = "InProgress" });

        using var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/incidents/{id}/notes") { Content = JsonContent.Create(new { text = "note" }) };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        (await (await _client.SendAsync(stale)).ShouldBeProblemAsync(HttpStatusCode.Conflict)).Int("currentVersion").Should().Be(2);

        using var current = new HttpRequestMessage(HttpMethod.Post, $"/api/incidents/{id}/notes") { Content = JsonContent.Create(new { text = "note" }) };
        current.Headers.TryAddWithoutValidation("If-Match", "W/\"2\"");
        (await (await _client.SendAsync(current)).ShouldBeAsync(HttpStatusCode.OK)).Int("version").Should().Be(3);
    }

    [DatabaseFact]
    public async Task Concurrent_updates_from_the_same_version_let_exactly_one_win()
    {
        var id = (await _client.CreateIncidentAsync()).Id();

        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            _client.PostAsJsonAsync($"/api/incidents/{id}/notes", new { text = $"note {i}", version = 1 })));

        attempts.Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(1);
        attempts.Count(r => r.StatusCode == HttpStatusCode.Conflict).Should().Be(7);
        await ShouldBeUnchanged(id, version: 2, timelineEntries: 2);
    }

    [DatabaseFact]
    public async Task Unknown_role_and_invalid_query_values_are_400_naming_the_field()
    {
        var id = (await _client.CreateIncidentAsync()).Id();

        (await (await _client.PutAsJsonAsync($"/api/incidents/{id}/roles/Janitor", new { user = "x" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .Str("field").Should().Be("role");
        (await (await _client.GetAsync("/api/incidents?state=Sleeping")).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).Str("field").Should().Be("state");
        (await (await _client.GetAsync("/api/incidents?priority=9")).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).Str("field").Should().Be("priority");
        (await (await _client.GetAsync("/api/incidents?pageSize=1000")).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).Str("field").Should().Be("pageSize");
        (await (await _client.GetAsync("/api/incidents?page=0")).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).Str("field").Should().Be("page");
    }

    [DatabaseFact]
    public async Task Roles_need_a_major_incident_and_major_actions_follow_their_order()
    {
        var id = (await _client.CreateIncidentAsync()).Id();

        var role = await (await _client.PutAsJsonAsync($"/api/incidents/{id}/roles/Scribe", new { user = "sam" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        role.Str("current").Should().Be("None");
        var accept = await (await _client.PostAsJsonAsync($"/api/incidents/{id}/major", new { action = "Accept" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        accept["allowed"].Strings().Should().Equal("Propose");
        (await (await _client.PostAsJsonAsync($"/api/incidents/{id}/major", new { action = "Propose" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .Str("field").Should().Be("reason");
        await ShouldBeUnchanged(id, version: 1, timelineEntries: 1);
    }

    private async Task ShouldBeUnchanged(string id, int version, int timelineEntries)
    {
        (await _client.GetIncidentAsync(id)).Int("version").Should().Be(version);
        (await _client.GetTimelineAsync(id)).Should().HaveCount(timelineEntries);
    }

    private async Task<int> Total() =>
        (await (await _client.GetAsync("/api/incidents?pageSize=1")).ShouldBeAsync(HttpStatusCode.OK)).Int("total");
}

public sealed class BadInputOnSqlite(SqliteServerFixture fixture) : BadInputTests(fixture), IClassFixture<SqliteServerFixture>;

public sealed class BadInputOnPostgreSql(PostgreSqlServerFixture fixture) : BadInputTests(fixture), IClassFixture<PostgreSqlServerFixture>, IRunsOnPostgreSql;
