using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Api;
using Orchestrator.Server.Tests.Hosting;
using Orchestrator.Server.Tests.Intake;
using Orchestrator.Tests.Shared;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Orchestrator.Server.Tests.Workflows;

/// <summary>The shipped playbook workflows/playbooks/service-down.json, started by a critical alert from a real
/// Alertmanager payload: a systemd unit restarted by a stand-in systemctl that comes back healthy resolves the
/// incident; a Kubernetes deployment (WireMock as the API server) that stays unhealthy pages on-call and opens a Jira
/// ticket (WireMock as PagerDuty and Jira), and the ticket is told when a person resolves the incident; a service that
/// is not set up gets a note saying how. Only the playbook is loaded, so nothing else reacts to the alerts.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // a real POSIX shell script stands in for systemctl
public sealed class ServiceDownPlaybookTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"service-down-{Guid.NewGuid():N}");
    private readonly WireMockServer _outside = WireMockServer.Start();
    private OrchestratorServer _server = null!;

    private HttpClient Client => _server.Client;

    public async Task InitializeAsync()
    {
        var playbooks = Directory.CreateDirectory(Path.Combine(_folder, "workflows", "playbooks")).FullName;
        File.Copy(Path.Combine(AppContext.BaseDirectory, "workflows", "playbooks", "service-down.json"), Path.Combine(playbooks, "service-down.json"));
        _server = await OrchestratorServer.StartAsync(TestDatabase.Sqlite(),
            new Dictionary<string, string?> { ["Orchestrator:WorkflowsDirectory"] = Path.Combine(_folder, "workflows") });
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _outside.Stop();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_service_that_is_not_set_up_gets_a_note_saying_how_and_nothing_is_restarted()
    {
        var (incidentId, service) = await AlertAsync();

        var run = await RunOfAsync(incidentId);
        (await Client.WaitForStatusAsync(run, TimeSpan.FromSeconds(20), "Finished", "Faulted")).JournalIds()
            .Should().Equal("start", "target", "how", "notSetUp", "end");
        (await NotesAsync(incidentId)).Should().Contain($"No automatic restart is set up for the service {service}: add it to the variable services of the service-down playbook, with unit (systemd) or deployment (Kubernetes), and healthUrl — see docs/playbooks.md.");
        (await Client.GetIncidentAsync(incidentId)).Str("state").Should().Be("New");
        _outside.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task A_unit_restarted_that_answers_its_health_check_resolves_the_incident_with_a_note()
    {
        _outside.Given(Request.Create().WithPath("/checkout/health").UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithBody("ok"));
        var (systemctl, calls) = StandInSystemctl("active");
        var service = IntakeCalls.Unique("checkout");
        await SetVariablesAsync(new JsonObject
        {
            ["services"] = new JsonObject
            {
                [service] = new JsonObject { ["unit"] = "checkout.service", ["systemctl"] = systemctl, ["healthUrl"] = $"{_outside.Url}/checkout/health" },
            },
        });

        var (incidentId, _) = await AlertAsync(service);

        var run = await Client.WaitForStatusAsync(await RunOfAsync(incidentId), TimeSpan.FromSeconds(30), "Finished", "Faulted");
        run.JournalIds().Should().Equal("start", "target", "how", "systemd", "health", "resolve", "end");
        File.ReadAllLines(calls).Should().Equal("restart checkout.service", "is-active checkout.service");
        var incident = await Client.GetIncidentAsync(incidentId);
        incident.Str("state").Should().Be("Resolved");
        incident.Str("resolutionCode").Should().Be("Workaround");
        incident.Str("resolutionNotes").Should().Be($"Restarted the unit checkout.service (service-down playbook); {_outside.Url}/checkout/health answered 200 after 1 check. The cause is not known yet.");
    }

    [Fact]
    public async Task A_deployment_that_stays_unhealthy_pages_on_call_opens_a_ticket_and_the_ticket_is_told_when_the_incident_is_resolved()
    {
        const string Deployment = "/apis/apps/v1/namespaces/prod/deployments/payments";
        _outside.Given(Request.Create().WithPath(Deployment).UsingPatch().WithHeader("Authorization", "Bearer kube-token"))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody("""{ "apiVersion": "apps/v1", "kind": "Deployment", "metadata": { "name": "payments", "namespace": "prod", "generation": 3 } }"""));
        _outside.Given(Request.Create().WithPath("/payments/health").UsingGet()).RespondWith(Response.Create().WithStatusCode(503));
        _outside.Given(Request.Create().WithPath("/v2/enqueue").UsingPost()).RespondWith(Response.Create().WithStatusCode(202).WithHeader("Content-Type", "application/json")
            .WithBody("""{ "status": "success", "message": "Event processed", "dedup_key": "payments-down" }"""));
        _outside.Given(Request.Create().WithPath("/rest/api/3/issue").UsingPost()).RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json")
            .WithBody("""{ "id": "10042", "key": "OPS-42", "self": "https://example.atlassian.net/rest/api/3/issue/10042" }"""));
        _outside.Given(Request.Create().WithPath("/rest/api/3/issue/OPS-42/comment").UsingPost()).RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json")
            .WithBody("""{ "id": "20001" }"""));
        await PutSecretAsync("kube-token", "kube-token");
        await PutSecretAsync("pagerduty-routing-key", "R0UT1NGKEY0000000000000000000042");
        await PutSecretAsync("jira-api-token", "jira-token");
        var service = IntakeCalls.Unique("payments");
        await SetVariablesAsync(new JsonObject
        {
            ["services"] = new JsonObject
            {
                [service] = new JsonObject
                {
                    ["deployment"] = "payments", ["namespace"] = "prod", ["apiServer"] = _outside.Url, ["tokenSecret"] = "kube-token",
                    ["healthUrl"] = $"{_outside.Url}/payments/health",
                },
            },
            ["healthTimeoutSeconds"] = 1,
            ["pagerDutyEventsUrl"] = _outside.Url,
            ["jiraSiteUrl"] = _outside.Url,
            ["jiraEmail"] = "sre@example.com",
            ["jiraProject"] = "OPS",
        });

        var (incidentId, _) = await AlertAsync(service);
        var runId = await RunOfAsync(incidentId);
        await Client.WaitForBookmarkAsync(runId, "wait");

        var page = JsonNode.Parse(Requests("/v2/enqueue").Single().RequestMessage.Body!)!;
        page.Str("routing_key").Should().Be("R0UT1NGKEY0000000000000000000042");
        page.Str("event_action").Should().Be("trigger");
        page["payload"]!.Str("severity").Should().Be("critical");
        var ticket = JsonNode.Parse(Requests("/rest/api/3/issue").Single().RequestMessage.Body!)!["fields"]!;
        ticket["project"]!.Str("key").Should().Be("OPS");
        ticket.Str("summary").Should().Contain("Payments are failing");
        ticket["labels"]!.AsArray().Select(l => l!.GetValue<string>()).Should().Contain("incident");
        var notes = await NotesAsync(incidentId);
        notes.Should().Contain(n => n.StartsWith($"Restarted, but {_outside.Url}/payments/health was still unhealthy after ") && n.EndsWith("checks (last answer: 503): paging on-call."));
        notes.Should().Contain("Notified the on-call through pagerduty.Trigger (stakeholder-update)");
        notes.Should().Contain("Notified the stakeholders through ticketing.JiraCreateIssue (stakeholder-update)");

        await Client.MoveAsync(incidentId, new { to = "InProgress" });
        await Client.MoveAsync(incidentId, new { to = "Resolved", resolutionCode = "Fixed", notes = "Rolled back the bad release" });

        var run = await Client.WaitForStatusAsync(runId, TimeSpan.FromSeconds(20), "Finished", "Faulted");
        run.JournalIds().Should().Equal("start", "target", "how", "rollout", "health", "unhealthy", "page", "ticket", "wait", "ticketed", "comment", "end");
        JsonNode.Parse(Requests("/rest/api/3/issue/OPS-42/comment").Single().RequestMessage.Body!)!.ToJsonString().Should().Contain("Rolled back the bad release");
        Requests(Deployment).Should().ContainSingle();
    }

    private List<WireMock.Logging.ILogEntry> Requests(string path) => _outside.LogEntries.Where(e => e.RequestMessage.Path == path).ToList();

    /// <summary>Sends one firing critical alert for <paramref name="service"/> (or a new one) through an Alertmanager
    /// integration and returns the incident it opened.</summary>
    private async Task<(string IncidentId, string Service)> AlertAsync(string? service = null)
    {
        service ??= IntakeCalls.Unique("svc");
        var integration = await Client.CreateAlertmanagerIntegrationAsync(new JsonObject { ["service"] = service });
        var alert = IntakeCalls.FiringAlert("ServiceDown", "app-1:9100", IntakeCalls.Recently(1), summary: "Payments are failing");
        var result = await Client.SendAlertmanagerAsync(integration.Str("key"), IntakeCalls.Notification(alert));
        return (result.IncidentIds().Single(), service);
    }

    private async Task<string> RunOfAsync(string incidentId) =>
        (await Eventually.Async(async () => (await Client.GetIncidentAsync(incidentId))["runs"]!.AsArray(),
            r => r.Any(x => x!.Str("definitionId") == "service-down"), "the service-down run")).Single()!.Str("instanceId");

    private async Task<List<string>> NotesAsync(string incidentId) =>
        (await Client.GetTimelineAsync(incidentId)).Where(e => e!.Str("kind") is "Workflow" or "WorkNote").Select(e => e!.Str("summary")).ToList();

    private async Task PutSecretAsync(string name, string value) =>
        (await Client.PutAsJsonAsync($"/api/secrets/{name}", new { value })).IsSuccessStatusCode.Should().BeTrue();

    /// <summary>Sets the playbook's variable defaults, as a process owner does in the designer's workflow settings, and publishes.</summary>
    private async Task SetVariablesAsync(JsonObject values)
    {
        var definition = (await (await Client.GetAsync("/api/workflow-definitions/service-down")).ShouldBeAsync(HttpStatusCode.OK)).AsObject();
        var variables = definition["variables"]!.AsArray();
        foreach (var (name, value) in values)
        {
            variables.Single(v => v!.Str("name") == name)!["default"] = value?.DeepClone();
        }

        var edited = new JsonObject
        {
            ["definitionId"] = "service-down", ["name"] = definition["name"]!.DeepClone(), ["description"] = definition["description"]?.DeepClone(),
            ["variables"] = variables.DeepClone(), ["triggers"] = definition["triggers"]!.DeepClone(), ["root"] = definition["root"]!.DeepClone(),
        };
        await (await Client.PutAsync("/api/workflow-definitions/service-down", new StringContent(edited.ToJsonString(), System.Text.Encoding.UTF8, "application/json")))
            .ShouldBeAsync(HttpStatusCode.OK);
        await Client.PublishAsync("service-down");
    }

    /// <summary>A systemctl that records each call's arguments and answers is-active with <paramref name="state"/>.</summary>
    private (string Path, string Calls) StandInSystemctl(string state)
    {
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, "systemctl");
        var log = Path.Combine(_folder, "calls.log");
        File.WriteAllText(path, $"#!/bin/sh\necho \"$*\" >> '{log}'\nif [ \"$1\" = is-active ]; then echo {state}; [ {state} = active ]; exit $?; fi\nexit 0\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return (path, log);
    }
}
