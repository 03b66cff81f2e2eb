using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Orchestrator.Server.Tests.Api;

/// <summary>Small helpers for talking JSON to the real server; responses are read as JSON nodes so tests see the wire format.</summary>
public static class ApiCalls
{
    public static async Task<JsonNode> CreateIncidentAsync(this HttpClient client, object? body = null)
    {
        var response = await client.PostAsJsonAsync("/api/incidents", body ?? new { title = "Disk full on db-1", impact = 2, urgency = 2, service = "billing" });
        return await response.ShouldBeAsync(HttpStatusCode.Created);
    }

    public static async Task<JsonNode> GetIncidentAsync(this HttpClient client, string id) =>
        await (await client.GetAsync($"/api/incidents/{id}")).ShouldBeAsync(HttpStatusCode.OK);

    public static async Task<JsonArray> GetTimelineAsync(this HttpClient client, string id) =>
        (await (await client.GetAsync($"/api/incidents/{id}/timeline")).ShouldBeAsync(HttpStatusCode.OK)).AsArray();

    public static Task<HttpResponseMessage> TransitionAsync(this HttpClient client, string id, object body) =>
        client.PostAsJsonAsync($"/api/incidents/{id}/transitions", body);

    public static async Task<JsonNode> MoveAsync(this HttpClient client, string id, object body) =>
        await (await client.TransitionAsync(id, body)).ShouldBeAsync(HttpStatusCode.OK);

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string path, string json) =>
        client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>Asserts the status code (showing the body when it differs) and returns the parsed body.</summary>
    public static async Task<JsonNode> ShouldBeAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(expected, "the response body was: {0}", text);
        return string.IsNullOrEmpty(text) ? new JsonObject() : JsonNode.Parse(text)!;
    }

    /// <summary>Asserts an RFC 9457 problem with the status and returns it.</summary>
    public static async Task<JsonNode> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var problem = await response.ShouldBeAsync(expected);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        problem["status"]!.GetValue<int>().Should().Be((int)expected);
        problem["title"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        return problem;
    }

    public static string Id(this JsonNode node) => node["id"]!.GetValue<string>();

    public static string Str(this JsonNode node, string name) => node[name]?.GetValue<string>() ?? string.Empty;

    public static int Int(this JsonNode node, string name) => node[name]!.GetValue<int>();

    public static IEnumerable<string> Strings(this JsonNode? node) => node?.AsArray().Select(n => n!.GetValue<string>()) ?? [];
}
