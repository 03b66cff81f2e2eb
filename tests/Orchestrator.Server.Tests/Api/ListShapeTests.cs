using System.Net;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Hosting;
using Orchestrator.Server.Tests.Intake;
using Orchestrator.Server.Tests.Workflows;
using static Orchestrator.Server.Tests.Workflows.DefinitionJson;

namespace Orchestrator.Server.Tests.Api;

/// <summary>Every list answers <c>{ items, total, page, pageSize }</c> and pages alike, with the same errors for bad paging.</summary>
public sealed class ListShapeTests(SqliteServerFixture fixture) : IClassFixture<SqliteServerFixture>
{
    private HttpClient Client => fixture.Client;

    [Theory]
    [InlineData("/api/incidents")]
    [InlineData("/api/problems")]
    [InlineData("/api/alerts")]
    [InlineData("/api/integrations")]
    [InlineData("/api/approvals")]
    [InlineData("/api/workflow-definitions")]
    [InlineData("/api/workflow-instances")]
    public async Task A_list_is_a_page_and_refuses_bad_paging_naming_the_parameter(string path)
    {
        var page = await (await Client.GetAsync($"{path}?page=1&pageSize=5")).ShouldBeAsync(HttpStatusCode.OK);

        page["items"].Should().BeOfType<JsonArray>();
        page["total"]!.GetValue<int>().Should().BeGreaterThanOrEqualTo(page["items"]!.AsArray().Count);
        page.Int("page").Should().Be(1);
        page.Int("pageSize").Should().Be(5);
        (await (await Client.GetAsync($"{path}?pageSize=0")).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).Str("field").Should().Be("pageSize");
        (await (await Client.GetAsync($"{path}?page=0")).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).Str("field").Should().Be("page");
    }

    [Fact]
    public async Task Short_lists_page_like_the_others()
    {
        for (var i = 0; i < 3; i++)
        {
            await Client.CreateDefinitionAsync(Definition(WorkflowCalls.NewId("paged"), [Start], []));
        }

        var first = await (await Client.GetAsync("/api/workflow-definitions?page=1&pageSize=2")).ShouldBeAsync(HttpStatusCode.OK);
        var second = await (await Client.GetAsync("/api/workflow-definitions?page=2&pageSize=2")).ShouldBeAsync(HttpStatusCode.OK);

        first["items"]!.AsArray().Should().HaveCount(2);
        first.Int("total").Should().BeGreaterThanOrEqualTo(3);
        second["items"]!.AsArray().Select(d => d!.Str("definitionId"))
            .Should().NotIntersectWith(first["items"]!.AsArray().Select(d => d!.Str("definitionId")));
    }
}
