using Orchestrator.Server.Tests.Hosting;
using Orchestrator.Server.Tests.Workflows;

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
        var deadline = DateTime.UtcNow.AddSeconds(15);
        var accepted = false;
        while (!accepted && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
            accepted = !(await server.Client.SendEventAsync("retention.checked", "c-1", new { n = 3 }, deliveryId))["duplicate"]!.GetValue<bool>();
        }

        accepted.Should().BeTrue("the delivery id should be forgotten about a second after it was received");
    }
}
