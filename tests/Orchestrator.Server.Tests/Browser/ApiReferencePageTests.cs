using Microsoft.Playwright;
using Orchestrator.Server.Tests.Hosting;

namespace Orchestrator.Server.Tests.Browser;

/// <summary>The API reference (Scalar) in a real browser: it renders the server's OpenAPI document and nothing it loads
/// comes from outside the machine.</summary>
public sealed class ApiReferencePageTests(SqliteServerFixture fixture) : IClassFixture<SqliteServerFixture>
{
    [Fact]
    public async Task The_api_reference_renders_every_tag_without_a_request_leaving_the_machine()
    {
        await using var chromium = await Chromium.StartAsync();
        var page = await chromium.NewPageAsync();

        await page.GotoAsync(new Uri(fixture.Client.BaseAddress!, "/api-reference.html").ToString());

        await Assertions.Expect(page.GetByText("Orchestrator API").First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByText("Workflow definitions").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Incidents").First).ToBeVisibleAsync();
        new Uri(page.Url).AbsolutePath.Should().Be("/api-reference/v1");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        chromium.Outbound.Should().BeEmpty("the reference must work offline and tell no one it was opened");
    }
}
