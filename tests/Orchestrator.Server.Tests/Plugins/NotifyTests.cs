using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Api;
using Orchestrator.Server.Tests.Hosting;
using Orchestrator.Server.Tests.Workflows;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using static Orchestrator.Server.Tests.Workflows.DefinitionJson;

namespace Orchestrator.Server.Tests.Plugins;

/// <summary>Notify (issue 11): a template rendered for an audience and sent through a channel action, recorded on the
/// timeline; a channel that is not set up is skipped with a note saying what to configure, and nothing is sent.</summary>
public sealed class NotifyTests : IAsyncLifetime
{
    private readonly WireMockServer _slack = WireMockServer.Start();
    private OrchestratorServer _server = null!;

    public async Task InitializeAsync() => _server = await OrchestratorServer.StartAsync(TestDatabase.Sqlite());

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _slack.Stop();
    }

    [Fact]
    public async Task A_notification_is_rendered_sent_through_the_channel_and_recorded_on_the_timeline()
    {
        _slack.Given(Request.Create().WithPath("/hooks/incidents").UsingPost()).RespondWith(Response.Create().WithStatusCode(200).WithBody("ok"));
        await (await _server.Client.PutAsJsonAsync("/api/secrets/incidents-webhook", new { value = $"{_slack.Url}/hooks/incidents" })).ShouldBeAsync(System.Net.HttpStatusCode.Created);
        var incident = await _server.Client.CreateIncidentAsync(new { title = "Checkout returns 502", impact = 1, urgency = 1, service = "checkout" });

        var run = await RunAsync(incident, Node("tell", "Notify", new
        {
            template = "stakeholder-update", audience = "Stakeholders", channel = "chat.SlackWebhook",
            channelInputs = new { webhookUrlSecret = "incidents-webhook" },
        }), "Finished");

        run.SingleEntry("tell").Str("outcome").Should().Be("Done");
        var posted = JsonNode.Parse(_slack.LogEntries.Single().RequestMessage.Body!)!;
        posted.Str("text").Should().Contain($"Incident update — {incident.Str("number")}: Checkout returns 502").And.Contain("## Who is on it");
        var note = (await _server.Client.GetTimelineAsync(incident.Str("id"))).Single(e => e!.Str("kind") == "Workflow" && e!.Str("summary").StartsWith("Notified"))!;
        note.Str("summary").Should().Be("Notified the stakeholders through chat.SlackWebhook (stakeholder-update)");
        note["data"]!.Str("text").Should().Contain("Checkout returns 502");
    }

    [Fact]
    public async Task A_channel_that_is_not_configured_is_skipped_with_a_note_saying_what_to_set_and_the_run_goes_on()
    {
        var incident = await _server.Client.CreateIncidentAsync(new { title = "Disk almost full", impact = 2, urgency = 2, service = "files", caller = "ria@example.com" });

        var run = await RunAsync(incident, Node("mail", "Notify", new { template = "customer-new", audience = "Caller", channel = "paging.Email" }), "Finished",
            Node("page", "Notify", new { template = "customer-new", audience = "OnCall", channel = "pagerduty.Trigger", channelInputs = new { routingKeySecret = "pd-routing-key" } }),
            Node("chat", "Notify", new { template = "customer-new", audience = "Stakeholders", channel = "teams.Post" }));

        run.Journal().Where(e => e.Str("activityId") is "mail" or "page" or "chat").Select(e => e.Str("outcome")).Should().Equal("Skipped", "Skipped", "Skipped");
        run.SingleEntry("mail")["outputs"]!.Str("reason").Should().StartWith("paging.Email needs host, from —", "to, subject and body are filled from the caller and the template");
        var notes = (await _server.Client.GetTimelineAsync(incident.Str("id"))).Where(e => e!.Str("kind") == "Workflow").Select(e => e!.Str("summary")).ToList();
        notes.Should().Contain(n => n.StartsWith("Notification to the caller (customer-new) skipped: paging.Email needs host, from"));
        notes.Should().Contain("Notification to the on-call (customer-new) skipped: the secret 'pd-routing-key' (pagerduty.Trigger input routingKeySecret) does not exist — create it with PUT /api/secrets/pd-routing-key.");
        notes.Should().Contain("Notification to the stakeholders (customer-new) skipped: the channel teams.Post is not loaded (is its plugin installed? see GET /api/plugins).");
        _slack.LogEntries.Should().BeEmpty("nothing is sent anywhere");
    }

    private async Task<JsonNode> RunAsync(JsonNode incident, JsonObject first, string status, params JsonObject[] more)
    {
        var nodes = new[] { first }.Concat(more).ToArray();
        var connections = new List<string> { $"start -> {first.Str("id")}" };
        for (var i = 1; i < nodes.Length; i++)
        {
            connections.Add($"{nodes[i - 1].Str("id")}.Skipped -> {nodes[i].Str("id")}");
        }

        var definitionId = await _server.Client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("notify"), [Start, .. nodes], [.. connections]));
        return await _server.Client.WaitForStatusAsync(await _server.Client.RunAsync(definitionId, correlationId: incident.Str("id")), TimeSpan.FromSeconds(20), status, "Faulted");
    }
}
