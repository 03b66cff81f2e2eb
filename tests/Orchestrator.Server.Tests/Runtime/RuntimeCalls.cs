using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Api;

namespace Orchestrator.Server.Tests.Runtime;

/// <summary>Publishing definitions and following runs over HTTP.</summary>
public static class RuntimeCalls
{
    public static async Task PublishAsync(this HttpClient client, string definitionJson)
    {
        var definitionId = JsonNode.Parse(definitionJson)!["definitionId"]!.GetValue<string>();
        await (await client.PostAsync("/api/workflow-definitions", new StringContent(definitionJson, Encoding.UTF8, "application/json")))
            .ShouldBeAsync(HttpStatusCode.Created);
        await (await client.PostAsync($"/api/workflow-definitions/{definitionId}/publish", null)).ShouldBeAsync(HttpStatusCode.OK);
    }

    public static async Task<string> RunAsync(this HttpClient client, string definitionId, object? body = null)
    {
        var started = await (await client.PostAsJsonAsync($"/api/workflow-definitions/{definitionId}/run", body ?? new { }))
            .ShouldBeAsync(HttpStatusCode.Accepted);
        return started["instanceId"]!.GetValue<string>();
    }

    /// <summary>Polls the run until its status is one of <paramref name="statuses"/>, or fails after <paramref name="timeout"/>.</summary>
    public static async Task<JsonNode> WaitForStatusAsync(this HttpClient client, string instanceId, TimeSpan timeout, params string[] statuses)
    {
        var deadline = DateTime.UtcNow + timeout;
        JsonNode instance;
        do
        {
            instance = await (await client.GetAsync($"/api/workflow-instances/{instanceId}")).ShouldBeAsync(HttpStatusCode.OK);
            if (statuses.Contains(instance["status"]!.GetValue<string>()))
            {
                return instance;
            }

            await Task.Delay(50);
        }
        while (DateTime.UtcNow < deadline);

        throw new TimeoutException($"Run {instanceId} did not reach {string.Join("/", statuses)} within {timeout}: {instance.ToJsonString()}");
    }

    public static JsonNode JournalEntry(this JsonNode instance, string activityId) =>
        instance["journal"]!.AsArray().Single(e => e!["activityId"]!.GetValue<string>() == activityId)!;
}
