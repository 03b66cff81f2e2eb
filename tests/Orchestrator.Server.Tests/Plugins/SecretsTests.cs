using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Api;
using Orchestrator.Server.Tests.Hosting;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using Orchestrator.Server.Tests.Workflows;

namespace Orchestrator.Server.Tests.Plugins;

/// <summary>Secrets are write-only: stored encrypted, listed by name, read only by the actions that name them.</summary>
public sealed class SecretsTests : IAsyncLifetime
{
    private const string Value = "pd-routing-key-7f3a9c1e5b";
    private OrchestratorServer _server = null!;

    public async Task InitializeAsync() => _server = await OrchestratorServer.StartAsync(TestDatabase.Sqlite());

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_secret_is_listed_by_name_and_its_value_never_leaves_the_server_or_reaches_the_database_in_clear()
    {
        var created = await _server.Client.PutAsJsonAsync("/api/secrets/pagerduty-key", new { value = Value, description = "Routing key" });
        (await created.ShouldBeAsync(HttpStatusCode.Created))["name"]!.GetValue<string>().Should().Be("pagerduty-key");
        var replaced = await _server.Client.PutAsJsonAsync("/api/secrets/pagerduty-key", new { value = Value + "-v2" });
        replaced.StatusCode.Should().Be(HttpStatusCode.OK);

        var listing = await _server.Client.GetStringAsync("/api/secrets");
        var one = await _server.Client.GetStringAsync("/api/secrets/pagerduty-key");

        JsonNode.Parse(listing)!.AsArray().Single()!["name"]!.GetValue<string>().Should().Be("pagerduty-key");
        foreach (var text in new[] { listing, one, await created.Content.ReadAsStringAsync(), await replaced.Content.ReadAsStringAsync() })
        {
            text.Should().NotContain(Value);
        }

        var database = await ReadAllBytesSharedAsync(Path.Combine(_server.DataDirectory, "orchestrator.db"));
        var wal = await ReadAllBytesSharedAsync(Path.Combine(_server.DataDirectory, "orchestrator.db-wal"));
        System.Text.Encoding.UTF8.GetString(database).Should().NotContain("pd-routing-key");
        System.Text.Encoding.UTF8.GetString(wal).Should().NotContain("pd-routing-key");
    }

    [Fact]
    public async Task Bad_names_and_missing_values_are_400_naming_the_field_and_unknown_secrets_are_404()
    {
        (await (await _server.Client.PutAsJsonAsync("/api/secrets/has space", new { value = "x" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .Str("field").Should().Be("name");
        (await (await _server.Client.PutAsJsonAsync("/api/secrets/empty", new { value = "" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .Str("field").Should().Be("value");
        await (await _server.Client.GetAsync("/api/secrets/nope")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await _server.Client.DeleteAsync("/api/secrets/nope")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_action_reads_the_secret_it_names_and_the_run_never_shows_the_value()
    {
        await _server.Client.PutAsJsonAsync("/api/secrets/api-token", new { value = Value });
        using var api = WireMockServer.Start();
        api.Given(Request.Create().WithPath("/me").UsingGet().WithHeader("Authorization", $"Bearer {Value}"))
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("authorized"));
        await _server.Client.PublishDefinitionAsync($$"""
            { "definitionId": "with-secret", "name": "With a secret",
              "root": { "activities": [
                { "id": "start", "type": "Start" },
                { "id": "call", "type": "http.Request", "inputs": { "url": "{{api.Url}}/me", "bearerTokenSecret": "api-token" } } ],
              "connections": [ { "source": { "activity": "start" }, "target": { "activity": "call" } } ] } }
            """);

        var id = await _server.Client.RunAsync("with-secret");
        var run = await _server.Client.WaitForStatusAsync(id, TimeSpan.FromSeconds(20), "Finished", "Faulted");

        run["status"]!.GetValue<string>().Should().Be("Finished", run.ToJsonString());
        run.JournalEntry("call")["outputs"]!["body"]!.GetValue<string>().Should().Be("authorized");
        run.ToJsonString().Should().NotContain(Value);
    }

    private static async Task<byte[]> ReadAllBytesSharedAsync(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var memory = new MemoryStream();
        await stream.CopyToAsync(memory);
        return memory.ToArray();
    }
}
