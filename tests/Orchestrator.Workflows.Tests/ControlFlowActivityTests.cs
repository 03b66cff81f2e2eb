using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Activities.ControlFlow;
using static Orchestrator.Workflows.Tests.ActivityContexts;

namespace Orchestrator.Workflows.Tests;

public class ControlFlowActivityTests
{
    private static readonly Dictionary<string, object?> PriorityTwo = Values(("input", Values(("priority", 2L))));

    // ---- Decision ----

    [Theory]
    [InlineData(true, "True")]
    [InlineData(false, "False")]
    public async Task Decision_follows_True_or_False(bool condition, string port)
    {
        var result = await new DecisionActivity().ExecuteAsync(For("Decision", Values(("condition", condition))));

        result.Outcomes.Should().Equal(port);
        result.IsFaulted.Should().BeFalse();
        result.IsSuspended.Should().BeFalse();
    }

    [Fact]
    public async Task Decision_on_a_string_faults_saying_what_it_got()
    {
        var result = await new DecisionActivity().ExecuteAsync(For("Decision", Values(("condition", "yes"))));

        result.IsFaulted.Should().BeTrue();
        result.Outcomes.Should().BeEmpty();
        result.Error.Should().Be("condition must be true or false; it was the string \"yes\".");
    }

    [Fact]
    public async Task Decision_on_a_number_or_nothing_faults()
    {
        (await new DecisionActivity().ExecuteAsync(For("Decision", Values(("condition", 1L))))).Error
            .Should().Be("condition must be true or false; it was 1 (Int64).");
        (await new DecisionActivity().ExecuteAsync(For("Decision"))).Error
            .Should().Be("condition must be true or false; it was null.");
    }

    // ---- Switch ----

    [Fact]
    public async Task Switch_follows_the_first_case_that_holds()
    {
        var cases = Cases(("Critical", "input.priority == 1"), ("High", "input.priority == 2"), ("Any", "input.priority > 0"));

        var result = await new SwitchActivity().ExecuteAsync(For("Switch", Values(("cases", cases)), globals: PriorityTwo));

        result.Outcomes.Should().Equal("High");
    }

    [Fact]
    public async Task Switch_follows_Default_when_no_case_holds()
    {
        var cases = Cases(("Critical", "input.priority == 1"), ("Low", "input.priority >= 4"));

        var result = await new SwitchActivity().ExecuteAsync(For("Switch", Values(("cases", cases)), globals: PriorityTwo));

        result.Outcomes.Should().Equal("Default");
    }

    [Fact]
    public async Task Switch_faults_when_a_case_condition_is_not_a_boolean()
    {
        var cases = Cases(("Critical", "input.priority == 1"), ("Odd", "input.priority"), ("Any", "true"));

        var result = await new SwitchActivity().ExecuteAsync(For("Switch", Values(("cases", cases)), globals: PriorityTwo));

        result.IsFaulted.Should().BeTrue();
        result.Error.Should().Be("The condition of case 'Odd' must be true or false; it was 2 (Int64).");
    }

    // ---- Delay ----

    [Theory]
    [InlineData(90L, 90.0)]
    [InlineData(1.5, 1.5)]
    [InlineData(0.25, 0.25)]
    public async Task Delay_suspends_on_a_timer_due_after_the_seconds(object seconds, double expected)
    {
        var result = await new DelayActivity().ExecuteAsync(For("Delay", Values(("seconds", seconds))));

        result.IsSuspended.Should().BeTrue();
        result.Bookmark!.Kind.Should().Be(BookmarkKind.Timer);
        result.Bookmark.DueAt.Should().Be(Now.AddSeconds(expected));
        result.Outcomes.Should().BeEmpty();
    }

    [Fact]
    public async Task Delay_of_negative_seconds_faults()
    {
        var result = await new DelayActivity().ExecuteAsync(For("Delay", Values(("seconds", -5L))));

        result.IsFaulted.Should().BeTrue();
        result.IsSuspended.Should().BeFalse();
        result.Error.Should().Be("seconds must be a number more than 0; got -5.");
    }

    [Fact]
    public async Task Delay_of_zero_seconds_faults()
    {
        var result = await new DelayActivity().ExecuteAsync(For("Delay", Values(("seconds", 0L))));

        result.Error.Should().Be("seconds must be a number more than 0; got 0.");
    }

    [Fact]
    public async Task Delay_without_seconds_faults()
    {
        var result = await new DelayActivity().ExecuteAsync(For("Delay"));

        result.Error.Should().Be("seconds must be a number more than 0; got null.");
    }

    [Fact]
    public async Task Delay_of_a_non_numeric_string_faults_instead_of_throwing()
    {
        var result = await new DelayActivity().ExecuteAsync(For("Delay", Values(("seconds", "ten"))));

        result.IsFaulted.Should().BeTrue();
        result.Error.Should().Contain("the string \"ten\"");
    }

    [Fact]
    public async Task Delay_completes_with_Done_when_resumed()
    {
        var result = await new DelayActivity().ResumeAsync(For("Delay", Values(("seconds", 90L))), null);

        result.Outcomes.Should().Equal("Done");
        result.Outputs.Should().BeEmpty();
    }

    // ---- WaitForEvent ----

    [Fact]
    public async Task WaitForEvent_suspends_on_an_event_bookmark_named_after_the_event()
    {
        var result = await new WaitForEventActivity().ExecuteAsync(For("WaitForEvent", Values(("eventName", "alert.resolved"))));

        result.Bookmark.Should().Be(new BookmarkRequest(BookmarkKind.Event, "alert.resolved"));
    }

    [Fact]
    public async Task WaitForEvent_without_an_event_name_faults()
    {
        var result = await new WaitForEventActivity().ExecuteAsync(For("WaitForEvent", Values(("eventName", ""))));

        result.Error.Should().Contain("eventName must be a non-empty string");
    }

    [Fact]
    public async Task WaitForEvent_completes_with_the_payload_as_output()
    {
        IActivity activity = new WaitForEventActivity();
        var payload = JsonNode.Parse("""{ "status": "resolved" }""");

        var result = await activity.ResumeAsync(For("WaitForEvent"), payload);

        result.Outcomes.Should().Equal("Done");
        result.Outputs.Should().ContainKey("payload").WhoseValue.Should().BeSameAs(payload);
    }

    // ---- Approval ----

    [Fact]
    public async Task Approval_suspends_with_title_assignees_options_and_a_due_time()
    {
        var inputs = Values(
            ("title", "Escalate INC0001001?"),
            ("assignees", new List<object?> { "duty-managers", "alice" }),
            ("options", new List<object?> { "Escalate", "Ignore" }),
            ("timeoutSeconds", 3600L));

        var result = await new ApprovalActivity().ExecuteAsync(For("Approval", inputs));

        var bookmark = result.Bookmark!;
        bookmark.Kind.Should().Be(BookmarkKind.Approval);
        bookmark.Name.Should().Be("Escalate INC0001001?");
        bookmark.DueAt.Should().Be(Now.AddHours(1));
        JsonNode.DeepEquals(bookmark.Data, JsonNode.Parse("""
            { "title": "Escalate INC0001001?", "assignees": ["duty-managers", "alice"], "options": ["Escalate", "Ignore"] }
            """)).Should().BeTrue(bookmark.Data!.ToJsonString());
    }

    [Fact]
    public async Task Approval_without_options_or_timeout_offers_Approve_and_Reject_with_no_due_time()
    {
        var result = await new ApprovalActivity().ExecuteAsync(For("Approval", Values(("title", "Go?"), ("assignees", "alice"))));

        result.Bookmark!.DueAt.Should().BeNull();
        JsonNode.DeepEquals(result.Bookmark.Data, JsonNode.Parse("""
            { "title": "Go?", "assignees": ["alice"], "options": ["Approve", "Reject"] }
            """)).Should().BeTrue(result.Bookmark.Data!.ToJsonString());
    }

    [Fact]
    public async Task Approval_with_an_empty_options_list_offers_Approve_and_Reject_like_its_ports()
    {
        var inputs = Values(("title", "Go?"), ("assignees", new List<object?> { "alice" }), ("options", new List<object?>()));

        var result = await new ApprovalActivity().ExecuteAsync(For("Approval", inputs));

        result.IsFaulted.Should().BeFalse(result.Error);
        result.Bookmark!.Data!["options"]!.AsArray().Select(o => o!.GetValue<string>()).Should().Equal("Approve", "Reject");
    }

    [Fact]
    public async Task Approval_without_assignees_faults()
    {
        var result = await new ApprovalActivity().ExecuteAsync(For("Approval", Values(("title", "Go?"), ("assignees", new List<object?> { "", null }))));

        result.IsFaulted.Should().BeTrue();
        result.Error.Should().Contain("at least one assignee");
    }

    [Fact]
    public async Task Approval_with_a_single_empty_assignee_name_faults()
    {
        var result = await new ApprovalActivity().ExecuteAsync(For("Approval", Values(("title", "Go?"), ("assignees", ""))));

        result.IsFaulted.Should().BeTrue("an empty name in a list is dropped, so an empty name on its own leaves nobody to ask");
        result.Error.Should().Contain("at least one assignee");
    }

    [Fact]
    public async Task Approval_without_a_title_faults()
    {
        var result = await new ApprovalActivity().ExecuteAsync(For("Approval", Values(("title", ""), ("assignees", "alice"))));

        result.Error.Should().Contain("title must be a non-empty string");
    }

    [Fact]
    public async Task Approval_resumed_with_a_decision_follows_that_option_with_the_details_as_outputs()
    {
        var payload = JsonNode.Parse("""{ "decision": "Reject", "comment": "Not during the freeze", "decidedBy": "alice" }""");

        var result = await new ApprovalActivity().ResumeAsync(For("Approval"), payload);

        result.Outcomes.Should().Equal("Reject");
        result.Outputs.Should().BeEquivalentTo(new Dictionary<string, object?>
        {
            ["decision"] = "Reject",
            ["comment"] = "Not during the freeze",
            ["decidedBy"] = "alice",
        });
    }

    [Fact]
    public async Task Approval_resumed_by_its_timer_follows_TimedOut()
    {
        var result = await new ApprovalActivity().ResumeAsync(For("Approval"), JsonNode.Parse("""{ "timedOut": true }"""));

        result.Outcomes.Should().Equal("TimedOut");
    }

    // ---- SetVariable, Fail, Log ----

    [Fact]
    public async Task SetVariable_sets_the_variable_and_completes()
    {
        var variables = new Dictionary<string, object?> { ["attempts"] = 1L, ["other"] = "kept" };

        var result = await new SetVariableActivity().ExecuteAsync(For("SetVariable", Values(("name", "attempts"), ("value", 2L)), variables));

        result.Outcomes.Should().Equal("Done");
        variables.Should().Equal(new Dictionary<string, object?> { ["attempts"] = 2L, ["other"] = "kept" });
    }

    [Fact]
    public async Task SetVariable_without_a_name_faults_and_changes_nothing()
    {
        var variables = new Dictionary<string, object?>();

        var result = await new SetVariableActivity().ExecuteAsync(For("SetVariable", Values(("value", 2L)), variables));

        result.IsFaulted.Should().BeTrue();
        variables.Should().BeEmpty();
    }

    [Fact]
    public async Task Fail_faults_with_its_message()
    {
        var result = await new FailActivity().ExecuteAsync(For("Fail", Values(("message", "The change window is closed."))));

        result.IsFaulted.Should().BeTrue();
        result.Error.Should().Be("The change window is closed.");
        result.Outcomes.Should().BeEmpty();
    }

    [Fact]
    public async Task Fail_without_a_message_still_faults()
    {
        (await new FailActivity().ExecuteAsync(For("Fail"))).Error.Should().Be("Failed.");
    }

    [Fact]
    public async Task Log_writes_the_message_to_the_log_and_outputs_it()
    {
        var logger = new ListLogger();

        var result = await new LogActivity().ExecuteAsync(For("Log", Values(("message", "Paged on-call")), logger: logger));

        result.Outcomes.Should().Equal("Done");
        result.Outputs.Should().Equal(new Dictionary<string, object?> { ["message"] = "Paged on-call" });
        logger.Entries.Should().ContainSingle().Which.Should().Match<(LogLevel Level, string Message)>(
            e => e.Level == LogLevel.Information && e.Message.Contains("Paged on-call") && e.Message.Contains("instance-1"));
    }

    // ---- RunWorkflow ----

    [Fact]
    public async Task RunWorkflow_suspends_on_a_child_workflow_bookmark_with_definition_input_and_wait()
    {
        var inputs = Values(
            ("definitionId", "page-on-call"),
            ("input", Values(("team", "payments"), ("urgent", true), ("tags", new List<object?> { "p1" }))),
            ("wait", false));

        var result = await new RunWorkflowActivity().ExecuteAsync(For("RunWorkflow", inputs));

        var bookmark = result.Bookmark!;
        bookmark.Kind.Should().Be(BookmarkKind.ChildWorkflow);
        bookmark.Name.Should().Be("page-on-call");
        JsonNode.DeepEquals(bookmark.Data, JsonNode.Parse("""
            { "definitionId": "page-on-call", "input": { "team": "payments", "urgent": true, "tags": ["p1"] }, "wait": false }
            """)).Should().BeTrue(bookmark.Data!.ToJsonString());
    }

    [Fact]
    public async Task RunWorkflow_waits_by_default()
    {
        var result = await new RunWorkflowActivity().ExecuteAsync(For("RunWorkflow", Values(("definitionId", "child"))));

        result.Bookmark!.Data!["wait"]!.GetValue<bool>().Should().BeTrue();
        result.Bookmark.Data["input"].Should().BeNull();
    }

    [Fact]
    public async Task RunWorkflow_without_a_definition_id_faults()
    {
        (await new RunWorkflowActivity().ExecuteAsync(For("RunWorkflow"))).Error.Should().Contain("definitionId");
    }

    [Fact]
    public async Task RunWorkflow_resumed_outputs_the_childs_id_status_and_variables()
    {
        var payload = JsonNode.Parse("""{ "instanceId": "child-1", "status": "Finished", "variables": { "paged": true, "count": 2 } }""");

        var result = await new RunWorkflowActivity().ResumeAsync(For("RunWorkflow"), payload);

        result.Outcomes.Should().Equal("Done");
        result.Outputs["instanceId"].Should().Be("child-1");
        result.Outputs["status"].Should().Be("Finished");
        result.Outputs["variables"].Should().BeEquivalentTo(new Dictionary<string, object?> { ["paged"] = true, ["count"] = 2L });
    }

    // ---- Start, Fork, Join ----

    [Fact]
    public async Task Start_Fork_and_Join_complete_with_Done()
    {
        (await new StartActivity().ExecuteAsync(For("Start"))).Outcomes.Should().Equal("Done");
        (await new ForkActivity().ExecuteAsync(For("Fork"))).Outcomes.Should().Equal("Done");
        (await new JoinActivity().ExecuteAsync(For("Join", Values(("mode", "WaitAny"))))).Outcomes.Should().Equal("Done");
    }

    private static List<object?> Cases(params (string Name, string Condition)[] cases) =>
        cases.Select(c => (object?)Values(("name", c.Name), ("condition", c.Condition))).ToList();
}
