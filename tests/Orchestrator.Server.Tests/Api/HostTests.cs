using System.Net;
using Orchestrator.Server.Tests.Hosting;

namespace Orchestrator.Server.Tests.Api;

/// <summary>What the host serves besides the API: health, the OpenAPI document, the static pages and 404s.</summary>
public sealed class HostTests(SqliteServerFixture fixture) : IClassFixture<SqliteServerFixture>
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task Health_reports_healthy_with_the_database_check()
    {
        var response = await _client.GetAsync("/health");

        var health = await response.ShouldBeAsync(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/json");
        health.Str("status").Should().Be("Healthy");
        health["checks"]!["database"].Should().NotBeNull();
        health["checks"]!["database"]!.Str("status").Should().Be("Healthy");
    }

    [Fact]
    public async Task OpenApi_document_lists_the_routes()
    {
        var response = await _client.GetAsync("/openapi/v1.json");

        var document = await response.ShouldBeAsync(HttpStatusCode.OK);
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        paths.Should().Contain(["/api/incidents", "/api/incidents/{id}/transitions", "/api/problems", "/api/problems/{id}/resolve"]);
    }

    [Fact]
    public async Task Api_reference_page_is_served_by_Scalar_from_its_bundled_script_and_reads_the_openapi_document()
    {
        var response = await _client.GetAsync("/api-reference.html");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.RequestMessage!.RequestUri!.AbsolutePath.Should().Be("/api-reference/v1", "the old address redirects");
        response.Content.Headers.ContentType?.MediaType.Should().Be("text/html");
        var page = await response.Content.ReadAsStringAsync();
        page.Should().Contain("openapi/v1.json").And.Contain("<script src=\"scalar.js\"></script>");
        page.Should().NotContain("https://", "the page loads nothing from elsewhere");
        (await _client.GetAsync("/api-reference/scalar.js")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Root_serves_the_dashboard_with_the_navigation_to_every_page_and_the_api_reference()
    {
        var response = await _client.GetAsync("/");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.Should().Be("text/html");
        var page = await response.Content.ReadAsStringAsync();
        page.Should().Contain("href=\"/api-reference/v1\"").And.Contain("href=\"/incidents\"").And.Contain("href=\"/approvals\"");
        page.Should().Contain("data-testid=\"dashboard\"", "the dashboard is rendered on the server, so it shows before the page is interactive");
    }

    [Fact]
    public async Task Unknown_route_is_a_404()
    {
        var response = await _client.GetAsync("/api/nope");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
