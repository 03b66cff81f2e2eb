using System.Net;
using System.Net.Http.Json;
using Orchestrator.Server.Tests.Api;
using Orchestrator.Server.Tests.Hosting;
using static Orchestrator.Server.Tests.Workflows.DefinitionJson;

namespace Orchestrator.Server.Tests.Workflows;

/// <summary>Values longer than the store keeps are refused with 400 naming the field (PostgreSQL would otherwise fail with 500).</summary>
public abstract class InputLimitTests(ServerFixture fixture)
{
    private readonly HttpClient _client = fixture.Enabled ? fixture.Client : new HttpClient();
    private static readonly string TooLong = new('x', 201);

    [DatabaseFact]
    public async Task A_correlation_id_over_200_characters_is_400_and_starts_nothing()
    {
        var id = await _client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("limits"), [Start, WaitFor("w", "go")], ["start -> w"]));

        var problem = await (await _client.StartRunAsync(id, correlationId: TooLong)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.Str("field").Should().Be("correlationId");
        (await _client.ListInstancesAsync($"definitionId={id}"))["total"]!.GetValue<int>().Should().Be(0);
    }

    [DatabaseTheory]
    [InlineData("name")]
    [InlineData("correlationId")]
    [InlineData("deliveryId")]
    public async Task Event_keys_over_200_characters_are_400_naming_the_field(string field)
    {
        var response = field == "name"
            ? await _client.PostEventAsync(TooLong, "c")
            : await _client.PostAsJsonAsync("/api/events/ping", field == "correlationId" ? new { correlationId = TooLong } : (object)new { deliveryId = TooLong });

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).Str("field").Should().Be(field);
    }

    [DatabaseFact]
    public async Task A_definition_name_over_200_characters_is_invalid()
    {
        var definition = System.Text.Json.Nodes.JsonNode.Parse(Definition(WorkflowCalls.NewId("long-name"), [Start], []))!;
        definition["name"] = TooLong;

        var problem = await (await _client.PostDefinitionAsync(definition.ToJsonString())).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem["errors"]!.AsArray().Should().ContainSingle(e => e!["input"]!.GetValue<string>() == "name");
    }

    [DatabaseFact]
    public async Task A_secret_description_over_500_characters_is_400_and_stores_nothing()
    {
        var problem = await (await _client.PutAsJsonAsync("/api/secrets/long-description", new { value = "v", description = new string('d', 501) }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.Str("field").Should().Be("description");
        (await _client.GetAsync("/api/secrets/long-description")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}

public sealed class InputLimitsOnSqlite(SqliteServerFixture fixture) : InputLimitTests(fixture), IClassFixture<SqliteServerFixture>;

public sealed class InputLimitsOnPostgreSql(PostgreSqlServerFixture fixture) : InputLimitTests(fixture), IClassFixture<PostgreSqlServerFixture>, IRunsOnPostgreSql;
