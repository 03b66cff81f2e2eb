using Microsoft.Extensions.Options;
using Orchestrator.Server.Tests.Hosting;

namespace Orchestrator.Server.Tests.Api;

/// <summary>A bad setting stops the server at start with a message naming the setting, instead of failing later in use.</summary>
public sealed class ConfigurationTests
{
    [Theory]
    [InlineData("Orchestrator:Workflows:KeepDeliveryIdsFor", "00:00:00", "KeepDeliveryIdsFor must be a positive time span")]
    [InlineData("Orchestrator:Workflows:Workers", "0", "Orchestrator:Workflows:Workers must be 1–1024.")]
    [InlineData("Orchestrator:Workflows:ActionConcurrency", "-1", "Orchestrator:Workflows:ActionConcurrency must be 1–10000.")]
    [InlineData("Orchestrator:Workflows:LeaseDuration", "00:00:00", "Orchestrator:Workflows:LeaseDuration must be between 1 second and 1 hour")]
    public async Task A_runtime_setting_out_of_range_stops_the_server_at_start_naming_it(string key, string value, string message)
    {
        var start = () => OrchestratorServer.StartAsync(TestDatabase.Sqlite(), new Dictionary<string, string?> { [key] = value });

        var failure = await start.Should().ThrowAsync<OptionsValidationException>();
        failure.Which.Message.Should().Contain(message);
    }

    [Theory]
    [InlineData("Orchestrator:Database:Provider=Oracle", "Orchestrator:Database:Provider")]
    [InlineData("Orchestrator:Database:Provider=PostgreSql|Orchestrator:Database:ConnectionString=",
        "Orchestrator:Database:ConnectionString is required when Orchestrator:Database:Provider is PostgreSql.")]
    [InlineData("Orchestrator:Incidents:PriorityMatrix:0=1 2 x", "Orchestrator:Incidents:PriorityMatrix: 'x' in priority matrix row '1 2 x' is not a number.")]
    [InlineData("Orchestrator:Incidents:PriorityMatrix:0=1 2 3 4", "Orchestrator:Incidents:PriorityMatrix: A priority matrix has 3 rows")]
    [InlineData("Orchestrator:DataDirectory= ", "Orchestrator:DataDirectory must not be empty.")]
    public async Task A_bad_server_setting_stops_the_server_at_start_naming_it(string settings, string message)
    {
        var configured = settings.Split('|').Select(s => s.Split('=', 2)).ToDictionary(kv => kv[0], kv => (string?)kv[1]);
        var start = () => OrchestratorServer.StartAsync(TestDatabase.Sqlite(), configured);

        var failure = await start.Should().ThrowAsync<OptionsValidationException>();
        failure.Which.Message.Should().Contain(message);
    }
}
