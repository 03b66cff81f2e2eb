using System.Text;
using System.Text.Json.Nodes;
using Orchestrator.Sdk;
using Orchestrator.Sdk.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Orchestrator.Plugins.Ticketing.Tests;

/// <summary>Ticketing actions against stand-ins of Jira Cloud, GitHub and ServiceNow on loopback (WireMock), checking the documented requests.</summary>
public sealed class TicketingActionTests : IDisposable
{
    private readonly WireMockServer _api = WireMockServer.Start();
    private readonly Dictionary<string, string> _secrets = new() { ["jira-token"] = "atl-token", ["gh-token"] = "ghp_test", ["snow-password"] = "pw" };

    public void Dispose() => _api.Stop();

    [Fact]
    public async Task Jira_create_issue_posts_fields_with_an_ADF_description_and_basic_auth()
    {
        _api.Given(Request.Create().WithPath("/rest/api/3/issue").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithBody("""{ "id": "10042", "key": "OPS-42", "self": "x" }"""));

        var result = await ActionTest.RunAsync(new JiraCreateIssueAction(), Jira(new()
        {
            ["projectKey"] = "OPS", ["summary"] = "Checkout down", ["issueType"] = "Incident", ["priority"] = "Highest",
            ["description"] = "Customers get 502.\n\nStarted 09:12 UTC.", ["labels"] = new List<object?> { "incident", "p1" },
        }), _secrets);

        result.Outcome.Should().Be(Outcomes.Done);
        result.Outputs["key"].Should().Be("OPS-42");
        result.Outputs["url"].Should().Be($"{_api.Url}/browse/OPS-42");
        var sent = Last();
        Header("Authorization").Should().Be("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("bot@example.com:atl-token")));
        sent["fields"]!["project"]!["key"]!.GetValue<string>().Should().Be("OPS");
        sent["fields"]!["issuetype"]!["name"]!.GetValue<string>().Should().Be("Incident");
        sent["fields"]!["priority"]!["name"]!.GetValue<string>().Should().Be("Highest");
        sent["fields"]!["labels"]!.AsArray().Select(l => l!.GetValue<string>()).Should().Equal("incident", "p1");
        var description = sent["fields"]!["description"]!;
        description["type"]!.GetValue<string>().Should().Be("doc");
        description["version"]!.GetValue<int>().Should().Be(1);
        description["content"]!.AsArray().Select(p => p!["content"]![0]!["text"]!.GetValue<string>()).Should().Equal("Customers get 502.", "Started 09:12 UTC.");
    }

    [Fact]
    public async Task Jira_errors_fail_with_Jiras_messages()
    {
        _api.Given(Request.Create().WithPath("/rest/api/3/issue").UsingPost()).RespondWith(Response.Create().WithStatusCode(400)
            .WithBody("""{ "errorMessages": [], "errors": { "project": "valid project is required" } }"""));

        var result = await ActionTest.RunAsync(new JiraCreateIssueAction(), Jira(new() { ["projectKey"] = "NOPE", ["summary"] = "x" }), _secrets);

        result.Outcome.Should().Be(Outcomes.Failed);
        result.Error.Should().Contain("Jira answered 400").And.Contain("valid project is required");
    }

    [Fact]
    public async Task Jira_comment_posts_an_ADF_body()
    {
        _api.Given(Request.Create().WithPath("/rest/api/3/issue/OPS-42/comment").UsingPost()).RespondWith(Response.Create().WithStatusCode(201).WithBody("""{ "id": "777" }"""));

        var result = await ActionTest.RunAsync(new JiraCommentAction(), Jira(new() { ["issueKey"] = "OPS-42", ["text"] = "Resolved: rolled back." }), _secrets);

        result.Outcome.Should().Be(Outcomes.Done);
        result.Outputs["id"].Should().Be("777");
        Last()["body"]!["content"]![0]!["content"]![0]!["text"]!.GetValue<string>().Should().Be("Resolved: rolled back.");
    }

    [Fact]
    public async Task Jira_transition_finds_the_transition_by_name_and_posts_its_id()
    {
        _api.Given(Request.Create().WithPath("/rest/api/3/issue/OPS-42/transitions").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{ "transitions": [ { "id": "11", "name": "In Progress" }, { "id": "31", "name": "Done" } ] }"""));
        _api.Given(Request.Create().WithPath("/rest/api/3/issue/OPS-42/transitions").UsingPost()).RespondWith(Response.Create().WithStatusCode(204));

        var done = await ActionTest.RunAsync(new JiraTransitionAction(), Jira(new() { ["issueKey"] = "OPS-42", ["transition"] = "done" }), _secrets);
        var missing = await ActionTest.RunAsync(new JiraTransitionAction(), Jira(new() { ["issueKey"] = "OPS-42", ["transition"] = "Archive" }), _secrets);

        done.Outcome.Should().Be(Outcomes.Done);
        done.Outputs["transitionId"].Should().Be("31");
        JsonNode.Parse(_api.LogEntries.Single(e => e.RequestMessage.Method == "POST").RequestMessage.Body!)!["transition"]!["id"]!.GetValue<string>().Should().Be("31");
        missing.Outcome.Should().Be(Outcomes.Failed);
        missing.Error.Should().Contain("no transition 'Archive'").And.Contain("In Progress, Done");
    }

    [Fact]
    public async Task GitHub_create_issue_sends_the_documented_headers_and_body()
    {
        _api.Given(Request.Create().WithPath("/repos/acme/ops/issues").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithBody("""{ "number": 7, "html_url": "https://github.com/acme/ops/issues/7" }"""));

        var result = await ActionTest.RunAsync(new GitHubCreateIssueAction(), GitHub(new()
        {
            ["title"] = "INC0001001: checkout down", ["body"] = "**P1**", ["labels"] = new List<object?> { "incident" },
        }), _secrets);

        result.Outcome.Should().Be(Outcomes.Done);
        result.Outputs["number"].Should().Be(7L);
        Header("Authorization").Should().Be("Bearer ghp_test");
        Header("Accept").Should().Contain("application/vnd.github+json");
        Header("X-GitHub-Api-Version").Should().Be("2022-11-28");
        var sent = Last();
        sent["title"]!.GetValue<string>().Should().Be("INC0001001: checkout down");
        sent["labels"]![0]!.GetValue<string>().Should().Be("incident");
    }

    [Fact]
    public async Task GitHub_comment_and_close()
    {
        _api.Given(Request.Create().WithPath("/repos/acme/ops/issues/7/comments").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithBody("""{ "html_url": "https://github.com/acme/ops/issues/7#c1" }"""));
        _api.Given(Request.Create().WithPath("/repos/acme/ops/issues/7").UsingPatch())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{ "state": "closed" }"""));

        var comment = await ActionTest.RunAsync(new GitHubCommentAction(), GitHub(new() { ["number"] = 7L, ["body"] = "Fixed." }), _secrets);
        var close = await ActionTest.RunAsync(new GitHubCloseIssueAction(), GitHub(new() { ["number"] = 7L, ["reason"] = "completed" }), _secrets);

        comment.Outcome.Should().Be(Outcomes.Done);
        close.Outputs["state"].Should().Be("closed");
        var patch = JsonNode.Parse(_api.LogEntries.Single(e => e.RequestMessage.Method == "PATCH").RequestMessage.Body!)!;
        patch["state"]!.GetValue<string>().Should().Be("closed");
        patch["state_reason"]!.GetValue<string>().Should().Be("completed");
    }

    [Fact]
    public async Task ServiceNow_create_incident_uses_the_table_API()
    {
        _api.Given(Request.Create().WithPath("/api/now/table/incident").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithBody("""{ "result": { "sys_id": "abc123", "number": "INC0010001" } }"""));

        var result = await ActionTest.RunAsync(new ServiceNowCreateIncidentAction(), new Dictionary<string, object?>
        {
            ["instanceUrl"] = _api.Url, ["user"] = "integration", ["passwordSecret"] = "snow-password",
            ["shortDescription"] = "Checkout down", ["impact"] = 1L, ["urgency"] = 2L, ["assignmentGroup"] = "SRE",
        }, _secrets);

        result.Outcome.Should().Be(Outcomes.Done);
        result.Outputs["number"].Should().Be("INC0010001");
        Header("Authorization").Should().Be("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("integration:pw")));
        var sent = Last();
        sent["short_description"]!.GetValue<string>().Should().Be("Checkout down");
        sent["impact"]!.GetValue<string>().Should().Be("1");
        sent["urgency"]!.GetValue<string>().Should().Be("2");
        sent["assignment_group"]!.GetValue<string>().Should().Be("SRE");
    }

    private Dictionary<string, object?> Jira(Dictionary<string, object?> inputs)
    {
        inputs["siteUrl"] = _api.Url;
        inputs["email"] = "bot@example.com";
        inputs["apiTokenSecret"] = "jira-token";
        return inputs;
    }

    private Dictionary<string, object?> GitHub(Dictionary<string, object?> inputs)
    {
        inputs["apiUrl"] = _api.Url;
        inputs["repository"] = "acme/ops";
        inputs["tokenSecret"] = "gh-token";
        return inputs;
    }

    private JsonNode Last() => JsonNode.Parse(_api.LogEntries.Last().RequestMessage.Body!)!;

    private string Header(string name) => string.Join(",", _api.LogEntries.Last().RequestMessage.Headers![name]);
}
