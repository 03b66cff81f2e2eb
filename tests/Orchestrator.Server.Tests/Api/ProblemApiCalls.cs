using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Orchestrator.Server.Tests.Api;

/// <summary>Helpers for the problem routes and for putting incidents into the states problems care about.</summary>
public static class ProblemApiCalls
{
    public static async Task<JsonNode> CreateProblemAsync(this HttpClient client, object? body = null)
    {
        var response = await client.PostAsJsonAsync("/api/problems", body ?? new { title = "Log files fill the disks", service = "reporting" });
        return await response.ShouldBeAsync(HttpStatusCode.Created);
    }

    public static async Task<JsonNode> GetProblemAsync(this HttpClient client, string id) =>
        await (await client.GetAsync($"/api/problems/{id}")).ShouldBeAsync(HttpStatusCode.OK);

    public static Task<HttpResponseMessage> LinkIncidentAsync(this HttpClient client, string problemId, object body) =>
        client.PostAsJsonAsync($"/api/problems/{problemId}/incidents", body);

    public static async Task<JsonNode> LinkAsync(this HttpClient client, string problemId, string incidentId) =>
        await (await client.LinkIncidentAsync(problemId, new { incidentId })).ShouldBeAsync(HttpStatusCode.OK);

    public static Task<HttpResponseMessage> ResolveProblemAsync(this HttpClient client, string problemId, object body) =>
        client.PostAsJsonAsync($"/api/problems/{problemId}/resolve", body);

    /// <summary>Creates an incident and moves it New → InProgress → OnHold awaiting a problem.</summary>
    public static async Task<string> CreateIncidentAwaitingProblemAsync(this HttpClient client, string title = "Nightly job fails: disk full")
    {
        var id = (await client.CreateIncidentInProgressAsync(title)).Id();
        var onHold = await client.MoveAsync(id, new { to = "OnHold", holdReason = "AwaitingProblem" });
        onHold.Str("state").Should().Be("OnHold");
        onHold.Str("holdReason").Should().Be("AwaitingProblem");
        return id;
    }

    /// <summary>Creates an incident and moves it New → InProgress.</summary>
    public static async Task<JsonNode> CreateIncidentInProgressAsync(this HttpClient client, string title = "Reports are slow")
    {
        var id = (await client.CreateIncidentAsync(new { title, impact = 2, urgency = 2 })).Id();
        return await client.MoveAsync(id, new { to = "InProgress" });
    }

    /// <summary>The validation errors of a 400 problem for one field.</summary>
    public static IEnumerable<string> ErrorsFor(this JsonNode problem, string field) => problem["errors"]?[field].Strings() ?? [];
}
