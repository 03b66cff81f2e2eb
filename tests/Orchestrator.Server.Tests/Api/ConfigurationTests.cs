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
}
