using System.Net;
using Orchestrator.Server.Tests.Api;
using Orchestrator.Server.Tests.Hosting;
using static Orchestrator.Server.Tests.Workflows.DefinitionJson;

namespace Orchestrator.Server.Tests.Workflows;

/// <summary>Durations and retry policies that cannot mean anything are refused when saved (literals) and fault the run
/// with the same text when an expression yields them.</summary>
public sealed class DurationValidationTests(SqliteServerFixture fixture) : IClassFixture<SqliteServerFixture>
{
    private HttpClient Client => fixture.Client;

    [Theory]
    [InlineData("seconds", 0)]
    [InlineData("seconds", -3)]
    public async Task Saving_a_delay_of_zero_or_less_is_refused_naming_the_activity_and_input_and_nothing_is_stored(string input, int seconds)
    {
        var id = WorkflowCalls.NewId("bad-delay");

        var problem = await (await Client.PostDefinitionAsync(Definition(id, [Start, Node("pause", "Delay", new { seconds })], ["start -> pause"])))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var error = problem["errors"]!.AsArray().Should().ContainSingle().Subject!;
        error.Str("activityId").Should().Be("pause");
        error.Str("input").Should().Be(input);
        error.Str("message").Should().Be($"seconds must be a number more than 0; got {seconds}.");
        (await Client.GetAsync($"/api/workflow-definitions/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Saving_a_bad_retry_policy_names_the_field_of_the_policy()
    {
        var problem = await (await Client.PostDefinitionAsync(Definition(WorkflowCalls.NewId("bad-retry"),
                [Start, Node("log", "Log", new { message = "hi" }, retry: new { maxAttempts = 3, backoffSeconds = -1 })], ["start -> log"])))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var error = problem["errors"]!.AsArray().Should().ContainSingle().Subject!;
        error.Str("activityId").Should().Be("log");
        error.Str("input").Should().Be("retry.backoffSeconds");
    }

    [Fact]
    public async Task A_delay_whose_expression_yields_zero_or_less_faults_the_run_with_the_same_text()
    {
        var id = await Client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("expr-delay"),
            [Start, Node("pause", "Delay", new { seconds = Expr("input.wait") })], ["start -> pause"]));

        var run = await Client.WaitForStatusAsync(await Client.RunAsync(id, new { wait = -1 }), "Faulted");

        run["fault"]!.Str("activityId").Should().Be("pause");
        run["fault"]!.Str("message").Should().Be("seconds must be a number more than 0; got -1.");
        run.SingleEntry("pause").Str("error").Should().Be("seconds must be a number more than 0; got -1.");
    }

    [Fact]
    public async Task An_approval_whose_time_out_expression_is_not_a_number_faults_the_run()
    {
        var id = await Client.PublishDefinitionAsync(Definition(WorkflowCalls.NewId("expr-approval"),
            [Start, Node("ask", "Approval", new { title = "Go?", assignees = new[] { "ada" }, timeoutSeconds = Expr("input.wait") })], ["start -> ask"]));

        var run = await Client.WaitForStatusAsync(await Client.RunAsync(id, new { wait = "soon" }), "Faulted");

        run["fault"]!.Str("message").Should().Be("timeoutSeconds must be a number more than 0; got the string \"soon\".");
    }
}
