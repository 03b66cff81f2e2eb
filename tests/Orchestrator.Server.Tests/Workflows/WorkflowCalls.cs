using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Api;
using Orchestrator.Tests.Shared;

namespace Orchestrator.Server.Tests.Workflows;

/// <summary>
/// The workflow routes as the tests use them: definitions in, runs started, runs observed by polling (runs move on in
/// the background), events sent and approvals decided. Responses stay JSON nodes so the tests see the wire format.
/// </summary>
public static class WorkflowCalls
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private static readonly string[] FinalStatuses = ["Finished", "Cancelled", "Faulted"];

    /// <summary>A fresh id (lowercase, valid as a definition id and a correlation id): tests in a class share one server.</summary>
    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    // ---- definitions ----

    public static Task<HttpResponseMessage> PostDefinitionAsync(this HttpClient client, string json) =>
        client.PostRawAsync("/api/workflow-definitions", json);

    /// <summary>Creates version 1 (a draft) and returns its definition id.</summary>
    public static async Task<string> CreateDefinitionAsync(this HttpClient client, string json)
    {
        var created = await (await client.PostDefinitionAsync(json)).ShouldBeAsync(HttpStatusCode.Created);
        created["isPublished"]!.GetValue<bool>().Should().BeFalse();
        return created.Str("definitionId");
    }

    public static async Task<JsonNode> PublishAsync(this HttpClient client, string definitionId, int? version = null)
    {
        var query = version is null ? string.Empty : $"?version={version}";
        var published = await (await client.PostAsync($"/api/workflow-definitions/{definitionId}/publish{query}", null)).ShouldBeAsync(HttpStatusCode.OK);
        published["isPublished"]!.GetValue<bool>().Should().BeTrue();
        return published;
    }

    /// <summary>Creates and publishes a definition; returns its id.</summary>
    public static async Task<string> PublishDefinitionAsync(this HttpClient client, string json)
    {
        var definitionId = await client.CreateDefinitionAsync(json);
        await client.PublishAsync(definitionId);
        return definitionId;
    }

    // ---- runs ----

    public static Task<HttpResponseMessage> StartRunAsync(this HttpClient client, string definitionId, object? input = null, string? correlationId = null) =>
        client.PostAsJsonAsync($"/api/workflow-definitions/{definitionId}/run", new { input, correlationId });

    /// <summary>Starts a run of the published version and returns its instance id.</summary>
    public static async Task<string> RunAsync(this HttpClient client, string definitionId, object? input = null, string? correlationId = null)
    {
        var response = await client.StartRunAsync(definitionId, input, correlationId);
        var started = await response.ShouldBeAsync(HttpStatusCode.Accepted);
        var instanceId = started.Str("instanceId");
        instanceId.Should().NotBeNullOrEmpty();
        response.Headers.Location!.ToString().Should().Be($"/api/workflow-instances/{instanceId}");
        return instanceId;
    }

    public static async Task<JsonNode> GetInstanceAsync(this HttpClient client, string instanceId) =>
        await (await client.GetAsync($"/api/workflow-instances/{instanceId}")).ShouldBeAsync(HttpStatusCode.OK);

    public static async Task<JsonNode> ListInstancesAsync(this HttpClient client, string query) =>
        await (await client.GetAsync($"/api/workflow-instances?{query}")).ShouldBeAsync(HttpStatusCode.OK);

    /// <summary>Polls the run until <paramref name="condition"/> holds; fails with the last state seen after the timeout.</summary>
    public static Task<JsonNode> WaitForAsync(this HttpClient client, string instanceId, Func<JsonNode, bool> condition, string what, TimeSpan? timeout = null) =>
        Eventually.Async(() => client.GetInstanceAsync(instanceId), condition, $"run {instanceId} reaching '{what}'", timeout ?? DefaultTimeout, i => i.ToJsonString());

    /// <summary>Polls until the run has <paramref name="status"/>; fails at once when it ends in another status.</summary>
    public static async Task<JsonNode> WaitForStatusAsync(this HttpClient client, string instanceId, string status, TimeSpan? timeout = null)
    {
        var instance = await client.WaitForAsync(instanceId, i => i.Status() == status || (FinalStatuses.Contains(i.Status()) && i.Status() != status),
            $"status {status}", timeout);
        instance.Status().Should().Be(status, "the run was expected to end {0}; it is:\n{1}", status, instance.ToJsonString());
        return instance;
    }

    /// <summary>Polls until the run's status is one of <paramref name="statuses"/> (whichever it ends in).</summary>
    public static Task<JsonNode> WaitForStatusAsync(this HttpClient client, string instanceId, TimeSpan timeout, params string[] statuses) =>
        client.WaitForAsync(instanceId, i => statuses.Contains(i.Status()), $"status {string.Join("/", statuses)}", timeout);

    /// <summary>Polls until the run is Suspended with a bookmark of <paramref name="activityId"/> (the branch waits there).</summary>
    public static Task<JsonNode> WaitForBookmarkAsync(this HttpClient client, string instanceId, string activityId) =>
        client.WaitForAsync(instanceId, i => i.Status() == "Suspended" && i.Bookmarks().Any(b => b.Str("activityId") == activityId),
            $"Suspended with a bookmark on {activityId}");

    public static Task<HttpResponseMessage> CancelAsync(this HttpClient client, string instanceId) =>
        client.PostAsync($"/api/workflow-instances/{instanceId}/cancel", null);

    public static Task<HttpResponseMessage> RetryAsync(this HttpClient client, string instanceId) =>
        client.PostAsync($"/api/workflow-instances/{instanceId}/retry", null);

    // ---- events and approvals ----

    public static Task<HttpResponseMessage> PostEventAsync(this HttpClient client, string name, string? correlationId, object? payload = null, string? deliveryId = null) =>
        client.PostAsJsonAsync($"/api/events/{name}", new { correlationId, payload, deliveryId });

    /// <summary>Sends an event and returns <c>{ resumed, started, instanceIds, duplicate, kept }</c>.</summary>
    public static async Task<JsonNode> SendEventAsync(this HttpClient client, string name, string? correlationId, object? payload = null, string? deliveryId = null) =>
        await (await client.PostEventAsync(name, correlationId, payload, deliveryId)).ShouldBeAsync(HttpStatusCode.Accepted);

    public static async Task<List<JsonNode>> ListApprovalsAsync(this HttpClient client, string query = "") =>
        (await (await client.GetAsync($"/api/approvals{query}")).ShouldBeAsync(HttpStatusCode.OK))["items"]!.AsArray().Select(a => a!).ToList();

    /// <summary>Polls until the run's approval is pending and returns it as <c>GET /api/approvals</c> lists it.</summary>
    public static async Task<JsonNode> WaitForApprovalAsync(this HttpClient client, string instanceId)
    {
        await client.WaitForAsync(instanceId, i => i.Bookmarks().Any(b => b.Str("kind") == "Approval"), "a pending approval");
        return (await client.ListApprovalsAsync()).Should().ContainSingle(a => a.Str("instanceId") == instanceId).Subject;
    }

    public static Task<HttpResponseMessage> DecideAsync(this HttpClient client, string approvalId, string decision, string? comment = null) =>
        client.PostAsJsonAsync($"/api/approvals/{approvalId}", new { decision, comment });

    // ---- reading a run ----

    public static string Status(this JsonNode instance) => instance.Str("status");

    public static List<JsonNode> Journal(this JsonNode instance) => instance["journal"]!.AsArray().Select(e => e!).ToList();

    public static List<JsonNode> Bookmarks(this JsonNode instance) => instance["bookmarks"]!.AsArray().Select(b => b!).ToList();

    /// <summary>The journal's activity ids in order.</summary>
    public static List<string> JournalIds(this JsonNode instance) => instance.Journal().Select(e => e.Str("activityId")).ToList();

    /// <summary>The journal entries of one activity, oldest first.</summary>
    public static List<JsonNode> EntriesOf(this JsonNode instance, string activityId) =>
        instance.Journal().Where(e => e.Str("activityId") == activityId).ToList();

    public static JsonNode JournalEntry(this JsonNode instance, string activityId) => instance.SingleEntry(activityId);

    public static JsonNode SingleEntry(this JsonNode instance, string activityId) =>
        instance.EntriesOf(activityId).Should().ContainSingle($"{activityId} should have run once; the journal is {instance["journal"]!.ToJsonString()}").Subject;

    public static long Seq(this JsonNode entry) => entry["seq"]!.GetValue<long>();
}
