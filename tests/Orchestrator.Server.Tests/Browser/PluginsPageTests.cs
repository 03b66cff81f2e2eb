using System.Net.Http.Json;
using Microsoft.Playwright;
using Orchestrator.Server.Tests.Hosting;

namespace Orchestrator.Server.Tests.Browser;

/// <summary>The plugins page lists what loaded with its actions and reloads the folders on request.</summary>
public sealed class PluginsPageTests(SqliteServerFixture fixture) : IClassFixture<SqliteServerFixture>
{
    [Fact]
    public async Task Loaded_plugins_show_their_actions_and_a_reload_says_how_many_loaded()
    {
        var plugins = (await fixture.Client.GetFromJsonAsync<List<Plugin>>("/api/plugins"))!;
        var http = plugins.Single(p => p.Actions.Contains("http.Request"));
        await using var chromium = await Chromium.StartAsync();

        await chromium.OnPageAsync("plugins", async page =>
        {
            await Chromium.GotoInteractiveAsync(page, new Uri(fixture.Client.BaseAddress!, "/plugins").ToString());
            await Assertions.Expect(page.GetByTestId("plugin")).ToHaveCountAsync(plugins.Count);
            var card = page.Locator($"[data-plugin-id='{http.Id}']");
            await Assertions.Expect(card).ToHaveAttributeAsync("data-status", "Loaded");
            await Assertions.Expect(card).ToContainTextAsync("http.Request");
            await Chromium.CaptureAsync(page, "plugins");

            await page.GetByRole(AriaRole.Button, new() { Name = "Reload plugin folders" }).ClickAsync();
            await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync($"{plugins.Count(p => p.Status == "Loaded")} plugins loaded");
            await Assertions.Expect(page.GetByTestId("plugin")).ToHaveCountAsync(plugins.Count);
        });

        chromium.Errors.Should().BeEmpty();
    }

    private sealed record Plugin(string Id, string Status, List<string> Actions);
}
