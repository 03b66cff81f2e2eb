using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Orchestrator.Server.Tests.Api;
using Orchestrator.Server.Tests.Hosting;

namespace Orchestrator.Server.Tests.Browser;

/// <summary>Integrations (what to paste into the monitoring source) and settings (secrets: names only).</summary>
public sealed class AdminPagesTests(SqliteServerFixture fixture) : IClassFixture<SqliteServerFixture>
{
    private string Url(string path) => new Uri(fixture.Client.BaseAddress!, path).ToString();

    [Fact]
    public async Task An_alertmanager_integration_shows_its_intake_url_and_the_receiver_to_paste_with_the_key_hidden_until_asked()
    {
        var name = $"prometheus-{Guid.NewGuid():N}"[..24];
        var created = await (await fixture.Client.PostAsJsonAsync("/api/integrations", new { name, kind = "Alertmanager" })).ShouldBeAsync(System.Net.HttpStatusCode.Created);
        var key = created.Str("key");
        await using var chromium = await Chromium.StartAsync();

        await chromium.OnPageAsync("integrations", async page =>
        {
            await Chromium.GotoInteractiveAsync(page, Url("/integrations"));
            var card = page.GetByTestId("integration").Filter(new() { HasText = name });
            await Assertions.Expect(card.GetByTestId("intake-url")).ToHaveTextAsync(created.Str("intakeUrl"));
            await Assertions.Expect(card.GetByTestId("snippet")).ToContainTextAsync($"url: {created.Str("intakeUrl")}");
            await Assertions.Expect(card.GetByTestId("snippet")).ToContainTextAsync("send_resolved: true");
            await Assertions.Expect(card.GetByTestId("integration-key")).Not.ToHaveTextAsync(key);
            await card.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
            await Assertions.Expect(card.GetByTestId("integration-key")).ToHaveTextAsync(key);
        });

        chromium.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task A_webhook_integration_is_created_from_the_page_with_errors_beside_the_fields_its_key_works_and_revoking_stops_it()
    {
        var name = $"uptime-{Guid.NewGuid():N}"[..20];
        string? key = null;
        await using var chromium = await Chromium.StartAsync();

        await chromium.OnPageAsync("integration-create", async page =>
        {
            await Chromium.GotoInteractiveAsync(page, Url("/integrations"));
            await page.GetByRole(AriaRole.Button, new() { Name = "New integration" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByLabel("Integration kind").ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "Any JSON webhook" }).ClickAsync();
            await dialog.GetByLabel("Integration name").FillAsync(name);
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Create integration" }).ClickAsync();
            await Assertions.Expect(dialog).ToContainTextAsync("needs mapping.title"); // beside the title's expression, nothing created
            await dialog.GetByLabel("Mapping title").FillAsync("payload.check");
            await dialog.GetByLabel("Mapping severity").FillAsync("payload.level");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Create integration" }).ClickAsync();

            var card = page.GetByTestId("integration").Filter(new() { HasText = name });
            await Assertions.Expect(card.GetByTestId("snippet")).ToContainTextAsync("curl -s -X POST");
            key = await card.GetByTestId("integration-key").InnerTextAsync(); // shown at once for the new integration
            key.Should().NotContain("•");

            var posted = await fixture.Client.PostAsync($"/api/intake/webhook/{key}", new StringContent("""{ "check": "Disk 95% full", "level": "critical" }""", System.Text.Encoding.UTF8, "application/json"));
            posted.StatusCode.Should().Be(System.Net.HttpStatusCode.OK, "the key works as created");

            await card.GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
            await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
            await Assertions.Expect(card).ToContainTextAsync("revoked");
        });

        var refused = await fixture.Client.PostAsync($"/api/intake/webhook/{key}", new StringContent("""{ "check": "Disk 95% full" }""", System.Text.Encoding.UTF8, "application/json"));
        refused.StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound, "a revoked key answers like one that never existed");
        chromium.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task A_secret_is_saved_listed_by_name_only_refused_with_a_bad_name_beside_the_field_and_deleted()
    {
        var name = $"ui-token-{Guid.NewGuid():N}"[..20];
        await using var chromium = await Chromium.StartAsync();

        await chromium.OnPageAsync("secrets", async page =>
        {
            await Chromium.GotoInteractiveAsync(page, Url("/settings"));
            var form = page.GetByTestId("secret-form");
            await form.GetByLabel("Secret name").FillAsync("not a name!");
            await form.GetByLabel("Secret value").FillAsync("s3cret-value");
            await form.GetByRole(AriaRole.Button, new() { Name = "Save secret" }).ClickAsync();
            await Assertions.Expect(form).ToContainTextAsync("A secret name is 1–100 letters");

            await form.GetByLabel("Secret name").FillAsync(name);
            await form.GetByRole(AriaRole.Button, new() { Name = "Save secret" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("secret-list")).ToContainTextAsync(name);
            (await page.ContentAsync()).Should().NotContain("s3cret-value", "a secret's value is never shown");

            await page.GetByRole(AriaRole.Button, new() { Name = $"Delete {name}" }).ClickAsync();
            await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("secret-list").Filter(new() { HasText = name })).ToHaveCountAsync(0); // the list goes when it is empty
        });

        var listed = (await fixture.Client.GetFromJsonAsync<JsonNode>("/api/secrets"))!.ToJsonString();
        listed.Should().NotContain(name);
        chromium.Errors.Should().BeEmpty();
    }
}
