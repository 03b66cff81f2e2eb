using Orchestrator.Server.Tests.Hosting;
using Orchestrator.Server.Tests.Workflows;
using Orchestrator.Tests.Shared;

namespace Orchestrator.Server.Tests.Runtime;

/// <summary>Delivery ids are remembered for <c>KeepDeliveryIdsFor</c>, then forgotten, so the table does not grow without end.</summary>
public sealed class DeliveryRetentionTests
{
    [Fact]
    public async Task A_delivery_id_is_a_duplicate_while_remembered_and_accepted_again_once_forgotten()
    {
        await using var server = await OrchestratorServer.StartAsync(TestDatabase.For("Sqlite"),
            new Dictionary<string, string?> { ["Orchestrator:Workflows:KeepDeliveryIdsFor"] = "00:00:01" });
        var deliveryId = WorkflowCalls.NewId("retention");

        var first = await server.Client.SendEventAsync("retention.checked", "c-1", new { n = 1 }, deliveryId);
        var second = await server.Client.SendEventAsync("retention.checked", "c-1", new { n = 2 }, deliveryId);

        first["duplicate"]!.GetValue<bool>().Should().BeFalse();
        second["duplicate"]!.GetValue<bool>().Should().BeTrue();
        // The delivery id should be forgotten about a second after it was received.
        await Eventually.Async(
            async () => !(await server.Client.SendEventAsync("retention.checked", "c-1", new { n = 3 }, deliveryId))["duplicate"]!.GetValue<bool>(),
            "the delivery id forgotten and the event accepted again", TimeSpan.FromSeconds(15), interval: TimeSpan.FromMilliseconds(500));
    }
}
