using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Hosting;
using Orchestrator.Server.Tests.Workflows;
using static Orchestrator.Server.Tests.Workflows.DefinitionJson;

namespace Orchestrator.Server.Tests.Api;

/// <summary>Templates over HTTP (issue 11): the shipped six, saving (refused with line and column when it does not
/// parse), resetting to the file, previews, hostile templates stopped by the sandbox, and incident reports.</summary>
public sealed class TemplatesApiTests(SqliteServerFixture fixture) : IClassFixture<SqliteServerFixture>
{
    private static readonly string[] Shipped =
        ["closure-report", "customer-new", "customer-resolved", "customer-update", "post-incident-review", "stakeholder-update"];

    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task The_six_shipped_templates_are_listed_with_their_titles()
    {
        var list = (await (await _client.GetAsync("/api/templates")).ShouldBeAsync(HttpStatusCode.OK)).AsArray().Select(t => t!).ToList();

        list.Where(t => t.Str("source") is "Shipped" or "Overridden").Select(t => t.Str("name")).Should().Contain(Shipped);
        list.Single(t => t.Str("name") == "closure-report").Str("title").Should().StartWith("Closure report");
    }

    [Fact]
    public async Task Every_shipped_template_renders_against_the_sample_and_against_every_demo_incident()
    {
        await using var server = await OrchestratorServer.StartAsync(TestDatabase.For("Sqlite"),
            new Dictionary<string, string?> { ["Orchestrator:SeedDemoData"] = "true" });
        var incidents = (await (await server.Client.GetAsync("/api/incidents?pageSize=200")).ShouldBeAsync(HttpStatusCode.OK))["items"]!.AsArray();
        incidents.Should().NotBeEmpty();

        foreach (var name in Shipped)
        {
            var sample = await (await server.Client.PostAsJsonAsync($"/api/templates/{name}/preview", new { })).ShouldBeAsync(HttpStatusCode.OK);
            sample.Str("output").Should().Contain("INC0000000", $"{name} names the incident");
            sample.Str("html").Should().Contain("<h1");
            foreach (var incident in incidents)
            {
                var report = await server.Client.GetAsync($"/api/incidents/{incident!.Str("id")}/reports/{name}");
                var text = await report.Content.ReadAsStringAsync();
                report.StatusCode.Should().Be(HttpStatusCode.OK, "{0} should render for {1}: {2}", name, incident!.Str("number"), text);
                text.Should().Contain(incident!.Str("number")).And.NotContain("{{");
            }
        }
    }

    [Fact]
    public async Task The_closure_report_has_every_section_with_the_incidents_facts_and_is_HTML_on_request()
    {
        var incident = await _client.CreateIncidentAsync(new { title = "Search returns nothing", impact = 2, urgency = 1, service = "search", caller = "lee@example.com",
            description = "All search queries return zero results." });
        var id = incident.Str("id");
        await (await _client.PostAsJsonAsync($"/api/incidents/{id}/assignment", new { group = "search-team", assignee = "kim" })).ShouldBeAsync(HttpStatusCode.OK);
        await _client.MoveAsync(id, new { to = "InProgress" });
        await _client.MoveAsync(id, new { to = "Resolved", resolutionCode = "Fixed", notes = "Rebuilt the index | restarted the nodes" });

        var markdown = await _client.GetAsync($"/api/incidents/{id}/reports/closure-report");

        markdown.Content.Headers.ContentType!.MediaType.Should().Be("text/markdown");
        var text = await markdown.Content.ReadAsStringAsync();
        foreach (var section in new[] { "## Summary", "## Impact", "## Resolution", "## Root cause", "## Service levels", "## Automated actions", "## Timeline" })
        {
            text.Should().Contain(section);
        }

        text.Should().Contain("**Fixed** — Rebuilt the index | restarted the nodes")
            .And.Contain("All search queries return zero results.")
            .And.Contain("kim (search-team)")
            .And.Contain("No problem record is linked")
            .And.Contain("Rebuilt the index / restarted the nodes", "a | inside a timeline entry must not break the table");

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/incidents/{id}/reports/closure-report");
        request.Headers.Accept.ParseAdd("text/html");
        var html = await _client.SendAsync(request);
        html.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        var page = await html.Content.ReadAsStringAsync();
        page.Should().StartWith("<!doctype html>").And.Contain("<h2>Summary</h2>").And.Contain("<table>");
    }

    [Fact]
    public async Task Saving_a_template_that_does_not_parse_is_refused_with_line_and_column_and_keeps_the_old_one()
    {
        var before = await (await _client.GetAsync("/api/templates/customer-new")).ShouldBeAsync(HttpStatusCode.OK);

        var problem = await (await _client.PutAsJsonAsync("/api/templates/customer-new", new { content = "# Hi\n\n{{ if incident.caller }}Dear {{ incident.caller }}," }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.Str("field").Should().Be("content");
        var error = problem["errors"]!.AsArray().First()!;
        error.Int("line").Should().Be(3);
        error.Int("column").Should().BeGreaterThan(1);
        problem.Str("detail").Should().Contain("line 3, column");
        (await (await _client.GetAsync("/api/templates/customer-new")).ShouldBeAsync(HttpStatusCode.OK)).Str("content").Should().Be(before.Str("content"));
    }

    [Fact]
    public async Task A_saved_template_overrides_the_shipped_file_until_it_is_reset_and_a_custom_one_can_be_made_and_deleted()
    {
        var saved = await (await _client.PutAsJsonAsync("/api/templates/customer-update", new { content = "# Update {{ incident.number }}\n" })).ShouldBeAsync(HttpStatusCode.OK);
        saved.Str("source").Should().Be("Overridden");
        saved.Str("shippedContent").Should().Contain("Update on");
        (await (await _client.PostAsJsonAsync("/api/templates/customer-update/preview", new { })).ShouldBeAsync(HttpStatusCode.OK))
            .Str("output").Should().Be("# Update INC0000000\n");

        var reset = await (await _client.DeleteAsync("/api/templates/customer-update")).ShouldBeAsync(HttpStatusCode.OK);
        reset.Str("source").Should().Be("Shipped");
        reset.Str("content").Should().Contain("Update on");

        var custom = await (await _client.PutAsJsonAsync("/api/templates/vendor-escalation", new { content = "# Escalation for {{ incident.number }}\n" })).ShouldBeAsync(HttpStatusCode.OK);
        custom.Str("source").Should().Be("Custom");
        (await _client.DeleteAsync("/api/templates/vendor-escalation")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await (await _client.GetAsync("/api/templates/vendor-escalation")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await (await _client.PutAsJsonAsync("/api/templates/Bad Name", new { content = "x" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .Str("field").Should().Be("name");
    }

    [Fact]
    public async Task A_preview_of_unsaved_content_renders_it_over_a_real_incident_with_the_callers_model()
    {
        var incident = await _client.CreateIncidentAsync(new { title = "VPN drops every hour", impact = 3, urgency = 2, service = "vpn" });

        var preview = await (await _client.PostAsJsonAsync("/api/templates/customer-new/preview", new
        {
            incidentId = incident.Str("id"),
            model = new { greeting = "Hi there" },
            content = "{{ model.greeting }}, {{ incident.number }} is {{ incident.state }} — **{{ incident.title }}**",
        })).ShouldBeAsync(HttpStatusCode.OK);

        preview.Str("output").Should().Be($"Hi there, {incident.Str("number")} is New — **VPN drops every hour**\n");
        preview.Str("html").Should().Contain("<strong>VPN drops every hour</strong>");
        (await (await _client.PostAsJsonAsync("/api/templates/customer-new/preview", new { incidentId = Guid.NewGuid() })).ShouldBeProblemAsync(HttpStatusCode.NotFound))
            .Str("detail").Should().Contain("No incident");
    }

    [Theory]
    [InlineData("{{ while true; end }}", "loop")]
    [InlineData("{{ func f(n); ret f(n + 1); end; f 1 }}", "recurs")]
    [InlineData("{{ s = 'x'; for i in 1..40; s = s + s; end; s }}", "string")]
    [InlineData("{{ 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!' | regex.match '(a+)+$' }}", "regular expression time limit")]
    [InlineData("{{ include 'secrets.txt' }}", "includes are not allowed")]
    [InlineData("{{ incident.GetType }}", "Cannot get member with name GetType")]
    public async Task A_hostile_template_is_stopped_and_answered_with_where_it_stopped(string content, string says)
    {
        var problem = await (await _client.PostAsJsonAsync("/api/templates/customer-new/preview", new { content })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.Str("field").Should().Be("content");
        problem.Str("detail").Should().StartWith("The template failed at line 1").And.Contain(says, problem.Str("detail"));
        (await (await _client.GetAsync("/health")).ShouldBeAsync(HttpStatusCode.OK)).Should().NotBeNull("the server is unharmed");
    }

    [Fact]
    public async Task RenderTemplate_renders_in_a_run_and_a_failing_template_fails_the_step_and_notes_it_on_the_incident()
    {
        var incident = await _client.CreateIncidentAsync(new { title = "Mail delayed", impact = 3, urgency = 3, service = "mail" });
        await (await _client.PutAsJsonAsync("/api/templates/broken-at-run", new { content = "Hello {{ incident.nonexistent }}" })).ShouldBeAsync(HttpStatusCode.OK);
        var definitionId = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("render"),
            [Start, Node("good", "RenderTemplate", new { template = "customer-new" }), Node("bad", "RenderTemplate", new { template = "broken-at-run" })],
            ["start -> good", "good -> bad"]));

        var run = await _client.WaitForStatusAsync(await _client.RunAsync(definitionId, correlationId: incident.Str("id")), "Faulted");

        var good = run.SingleEntry("good")["outputs"]!;
        good.Str("text").Should().Contain($"**{incident.Str("number")}**");
        good.Str("html").Should().Contain($"<strong>{incident.Str("number")}</strong>");
        run["fault"]!.Str("message").Should().Contain("Template 'broken-at-run': The template failed at line 1").And.Contain("nonexistent");
        var note = (await _client.GetTimelineAsync(incident.Str("id"))).Single(e => e!.Str("kind") == "Workflow")!;
        note.Str("summary").Should().Contain("broken-at-run").And.EndWith("Nothing was sent.");
        note.Str("actor").Should().StartWith($"workflow:{definitionId}/");
        (await _client.GetIncidentAsync(incident.Str("id"))).Int("version").Should().Be(incident.Int("version"));
    }
}
