using System.Net;
using System.Net.Http.Json;
using Orchestrator.Server.Tests.Hosting;

namespace Orchestrator.Server.Tests.Api;

/// <summary>The incident routes through real HTTP, run once on SQLite and once on PostgreSQL.</summary>
public abstract class IncidentsApiTests(ServerFixture fixture)
{
    private readonly HttpClient _client = fixture.Enabled ? fixture.Client : new HttpClient();

    [DatabaseFact]
    public async Task Create_returns_201_with_number_priority_and_location()
    {
        var response = await _client.PostAsJsonAsync("/api/incidents", new
        {
            title = "Checkout returns 502",
            description = "All customers",
            impact = 1,
            urgency = 2,
            category = "Software",
            subcategory = "Web",
            service = "checkout",
            caller = "monitoring",
        });

        var incident = await response.ShouldBeAsync(HttpStatusCode.Created);
        response.Headers.Location!.ToString().Should().Be($"/api/incidents/{incident.Id()}");
        incident.Str("number").Should().MatchRegex("^INC[0-9]{7}$");
        incident.Str("state").Should().Be("New");
        incident.Int("priority").Should().Be(2);
        incident.Str("priorityLabel").Should().Be("P2 High");
        incident.Str("service").Should().Be("checkout");
        incident.Int("version").Should().Be(1);
        incident["allowedTransitions"].Strings().Should().Equal("Assigned", "InProgress", "OnHold", "Resolved", "Cancelled");
        (await _client.GetIncidentAsync(incident.Id())).Str("title").Should().Be("Checkout returns 502");
    }

    [DatabaseFact]
    public async Task An_incident_is_found_by_its_number_as_well_as_its_id_and_an_unknown_number_is_404()
    {
        var created = await _client.CreateIncidentAsync();
        var number = created.Str("number");

        (await _client.GetIncidentAsync(number)).Id().Should().Be(created.Id());
        (await _client.GetIncidentAsync(number.ToLowerInvariant())).Id().Should().Be(created.Id(), "people type numbers in any case");
        var missing = await (await _client.GetAsync("/api/incidents/INC9999999")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        missing.Str("detail").Should().Be("No incident with number 'INC9999999'.");
    }

    [DatabaseFact]
    public async Task Numbers_increase_by_one()
    {
        var first = await _client.CreateIncidentAsync();
        var second = await _client.CreateIncidentAsync();

        int.Parse(second.Str("number")[3..]).Should().Be(int.Parse(first.Str("number")[3..]) + 1);
    }

    [DatabaseFact]
    public async Task Full_lifecycle_from_new_to_closed_is_recorded_on_the_timeline()
    {
        var id = (await _client.CreateIncidentAsync()).Id();

        await (await _client.PostAsJsonAsync($"/api/incidents/{id}/assignment", new { group = "DBA", assignee = "erin" })).ShouldBeAsync(HttpStatusCode.OK);
        await _client.MoveAsync(id, new { to = "InProgress" });
        await _client.MoveAsync(id, new { to = "OnHold", holdReason = "AwaitingVendor", notes = "Case 123" });
        await _client.MoveAsync(id, new { to = "InProgress" });
        await _client.MoveAsync(id, new { to = "Resolved", resolutionCode = "Fixed", notes = "Freed 20 GB" });
        var closed = await _client.MoveAsync(id, new { to = "Closed" });

        closed.Str("state").Should().Be("Closed");
        closed.Str("resolutionCode").Should().Be("Fixed");
        closed["closedAt"].Should().NotBeNull();
        closed["allowedTransitions"]!.AsArray().Should().BeEmpty();
        var timeline = await _client.GetTimelineAsync(id);
        timeline.Select(e => e!.Str("kind")).Should().Equal(
            "Created", "AssignmentChanged", "StateChanged", "StateChanged", "StateChanged", "StateChanged", "StateChanged", "StateChanged");
        timeline.Where(e => e!.Str("kind") == "StateChanged").Select(e => e!["data"]!.Str("to"))
            .Should().Equal("Assigned", "InProgress", "OnHold", "InProgress", "Resolved", "Closed");
        timeline.Should().OnlyContain(e => e!.Str("actor") == "anonymous" && e!["at"] != null);
    }

    [DatabaseFact]
    public async Task Reopen_moves_resolved_back_to_in_progress()
    {
        var id = (await _client.CreateIncidentAsync()).Id();
        await _client.MoveAsync(id, new { to = "Resolved", resolutionCode = "workaround", notes = "Restarted" });

        var reopened = await _client.MoveAsync(id, new { to = "InProgress", notes = "Came back" });

        reopened.Str("state").Should().Be("InProgress");
        reopened.Int("reopenCount").Should().Be(1);
        reopened["resolutionCode"].Should().BeNull();
        (await _client.GetTimelineAsync(id)).Last()!.Str("summary").Should().StartWith("Reopened");
    }

    [DatabaseFact]
    public async Task Patching_impact_and_urgency_recomputes_priority_and_records_it()
    {
        var id = (await _client.CreateIncidentAsync(new { title = "Slow search", impact = 3, urgency = 3 })).Id();

        var response = await _client.PatchAsJsonAsync($"/api/incidents/{id}", new { impact = 1, urgency = 1, version = 1 });

        var incident = await response.ShouldBeAsync(HttpStatusCode.OK);
        incident.Int("priority").Should().Be(1);
        incident.Int("version").Should().Be(2);
        response.Headers.ETag!.Tag.Should().Be("\"2\"");
        var fields = (await _client.GetTimelineAsync(id)).Where(e => e!.Str("kind") == "FieldChanged").Select(e => e!["data"]!).ToList();
        fields.Select(d => d.Str("field")).Should().Equal("impact", "urgency", "priority");
        fields[2].Str("from").Should().Be("5");
        fields[2].Str("to").Should().Be("1");
    }

    [DatabaseFact]
    public async Task Notes_roles_and_major_incident_land_on_the_timeline()
    {
        var id = (await _client.CreateIncidentAsync()).Id();

        await (await _client.PostAsJsonAsync($"/api/incidents/{id}/notes", new { text = "Looking at logs", kind = "WorkNote" })).ShouldBeAsync(HttpStatusCode.OK);
        await (await _client.PostAsJsonAsync($"/api/incidents/{id}/notes", new { text = "We are on it", kind = "Comment" })).ShouldBeAsync(HttpStatusCode.OK);
        await (await _client.PostAsJsonAsync($"/api/incidents/{id}/major", new { action = "Propose", reason = "All users down" })).ShouldBeAsync(HttpStatusCode.OK);
        await (await _client.PutAsJsonAsync($"/api/incidents/{id}/roles/IncidentCommander", new { user = "alice" })).ShouldBeAsync(HttpStatusCode.OK);
        var accepted = await (await _client.PostAsJsonAsync($"/api/incidents/{id}/major", new { action = "Accept" })).ShouldBeAsync(HttpStatusCode.OK);

        accepted.Str("majorStatus").Should().Be("Accepted");
        accepted["roles"]!.Str("IncidentCommander").Should().Be("alice");
        var kinds = (await _client.GetTimelineAsync(id)).Select(e => e!.Str("kind"));
        kinds.Should().Equal("Created", "WorkNote", "Comment", "MajorIncident", "RoleChanged", "MajorIncident");
    }

    [DatabaseFact]
    public async Task List_filters_by_state_priority_service_assignee_and_text_and_pages()
    {
        var service = $"svc-{Guid.NewGuid():N}"[..20];
        var a = await _client.CreateIncidentAsync(new { title = "Alpha outage", impact = 1, urgency = 1, service });
        await _client.CreateIncidentAsync(new { title = "Beta slowness", impact = 3, urgency = 3, service });
        var c = await _client.CreateIncidentAsync(new { title = "Gamma errors", impact = 3, urgency = 3, service });
        await _client.PostAsJsonAsync($"/api/incidents/{c.Id()}/assignment", new { assignee = "zed-" + service });

        (await List($"service={service}"))["total"]!.GetValue<int>().Should().Be(3);
        (await List($"service={service}&priority=1"))["items"]!.AsArray().Select(i => i!.Id()).Should().Equal(a.Id());
        (await List($"service={service}&state=assigned"))["items"]!.AsArray().Select(i => i!.Id()).Should().Equal(c.Id());
        (await List($"assignee=zed-{service}"))["total"]!.GetValue<int>().Should().Be(1);
        (await List($"service={service}&q=BETA"))["items"]!.AsArray().Single()!.Str("title").Should().Be("Beta slowness");
        (await List($"q={a.Str("number")}"))["items"]!.AsArray().Single()!.Id().Should().Be(a.Id());
        var page2 = await List($"service={service}&page=2&pageSize=2");
        page2["items"]!.AsArray().Should().ContainSingle();
        page2.Int("page").Should().Be(2);
        page2.Int("pageSize").Should().Be(2);
        page2.Int("total").Should().Be(3);
    }

    private async Task<System.Text.Json.Nodes.JsonNode> List(string query) =>
        await (await _client.GetAsync($"/api/incidents?{query}")).ShouldBeAsync(HttpStatusCode.OK);
}

public sealed class IncidentsApiOnSqlite(SqliteServerFixture fixture) : IncidentsApiTests(fixture), IClassFixture<SqliteServerFixture>;

public sealed class IncidentsApiOnPostgreSql(PostgreSqlServerFixture fixture) : IncidentsApiTests(fixture), IClassFixture<PostgreSqlServerFixture>, IRunsOnPostgreSql;
