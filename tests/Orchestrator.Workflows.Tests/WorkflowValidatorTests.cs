using Orchestrator.Workflows.Definitions;
using Orchestrator.Workflows.Validation;
using static Orchestrator.Workflows.Tests.Definitions;

namespace Orchestrator.Workflows.Tests;

public class WorkflowValidatorTests
{
    private readonly WorkflowValidator _validator = Validator();

    private static WorkflowDefinition Simple => Flowchart(StartLogEnd, "start -> log", "log -> end");

    // ---- valid definitions ----

    [Fact]
    public void A_simple_valid_definition_has_no_errors()
    {
        var result = _validator.Validate(Simple);

        result.IsValid.Should().BeTrue();
        result.Errors.Should().BeEmpty();
    }

    [Fact]
    public void The_full_contract_style_definition_is_valid()
    {
        _validator.Validate(FromJson(FullJson)).Errors.Should().BeEmpty();
    }

    [Fact]
    public void Inputs_with_defaults_may_be_left_out()
    {
        var definition = Flowchart("""
            { "id": "start", "type": "Start" },
            { "id": "fork", "type": "Fork" },
            { "id": "ask", "type": "Approval", "inputs": { "title": "Go?", "assignees": ["ops"] } },
            { "id": "child", "type": "RunWorkflow", "inputs": { "definitionId": "child-flow" } },
            { "id": "join", "type": "Join" },
            { "id": "end", "type": "End" }
            """, "start -> fork", "fork -> ask", "fork -> child", "ask.Approve -> join", "ask.Reject -> join", "child -> join", "join -> end");

        _validator.Validate(definition).Errors.Should().BeEmpty();
    }

    // ---- header, variables, triggers ----

    [Theory]
    [InlineData("Major-Incident")]
    [InlineData("has space")]
    [InlineData("-leading-dash")]
    [InlineData("")]
    public void A_bad_definition_id_is_reported(string definitionId)
    {
        var error = SingleError(Simple with { DefinitionId = definitionId });

        error.Should().BeEquivalentTo(new { ActivityId = (string?)null, Input = "definitionId" });
        error.Message.Should().Contain($"'{definitionId}'").And.Contain("lowercase letters, digits");
    }

    [Fact]
    public void A_definition_id_longer_than_100_characters_is_reported()
    {
        SingleError(Simple with { DefinitionId = new string('a', 101) }).Input.Should().Be("definitionId");
        _validator.Validate(Simple with { DefinitionId = new string('a', 100) }).IsValid.Should().BeTrue();
    }

    [Fact]
    public void A_definition_id_with_a_trailing_newline_is_reported()
    {
        SingleError(Simple with { DefinitionId = "orders\n" }).Input.Should().Be("definitionId");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_name_is_reported(string name)
    {
        var error = SingleError(Simple with { Name = name });

        error.Should().BeEquivalentTo(new { ActivityId = (string?)null, Input = "name" });
        error.Message.Should().Contain("name is required");
    }

    [Fact]
    public void A_root_that_is_not_a_flowchart_is_reported()
    {
        var definition = FromJson($$"""
            { {{DefaultHeader}}, "root": { "type": "Sequence", "activities": [ { "id": "start", "type": "Start" } ] } }
            """);

        var error = SingleError(definition);

        error.Should().BeEquivalentTo(new { ActivityId = (string?)null, Input = "root" });
        error.Message.Should().Contain("must be a Flowchart");
    }

    [Fact]
    public void A_variable_declared_twice_is_reported()
    {
        var definition = FromParts("""
            "definitionId": "test-flow", "name": "Test flow",
            "variables": [ { "name": "count", "type": "Number" }, { "name": "count", "type": "String" } ]
            """, StartLogEnd, "start -> log", "log -> end");

        var error = SingleError(definition);

        error.Should().BeEquivalentTo(new { ActivityId = (string?)null, Input = "variables" });
        error.Message.Should().Contain("'count' is declared twice");
    }

    [Theory]
    [InlineData("my-var")]
    [InlineData("2fast")]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("name\n")]
    public void An_invalid_variable_name_is_reported(string name)
    {
        var definition = Simple with { Variables = [new VariableDefinition(name, "String")] };

        var error = SingleError(definition);

        error.Input.Should().Be("variables");
        error.Message.Should().Contain($"Variable name '{name}' must be a letter or '_'");
    }

    [Fact]
    public void An_unknown_variable_type_is_reported_with_the_known_types()
    {
        var definition = FromParts("""
            "definitionId": "test-flow", "name": "Test flow", "variables": [ { "name": "count", "type": "Integer" } ]
            """, StartLogEnd, "start -> log", "log -> end");

        var error = SingleError(definition);

        error.Input.Should().Be("variables");
        error.Message.Should().Contain("'count' has unknown type 'Integer'").And.Contain("String, Number, Boolean, Object, Array, Any");
    }

    [Theory]
    [InlineData("""{ "filter": "true" }""")]
    [InlineData("""{ "event": "" }""")]
    [InlineData("""{ "event": "  " }""")]
    public void A_trigger_without_an_event_is_reported(string trigger)
    {
        var definition = FromParts($$"""
            "definitionId": "test-flow", "name": "Test flow", "triggers": [ {{trigger}} ]
            """, StartLogEnd, "start -> log", "log -> end");

        var error = SingleError(definition);

        error.Should().BeEquivalentTo(new { ActivityId = (string?)null, Input = "triggers" });
        error.Message.Should().Contain("needs an event name");
    }

    [Fact]
    public void A_trigger_filter_that_does_not_parse_is_reported_with_its_position()
    {
        var definition = FromParts("""
            "definitionId": "test-flow", "name": "Test flow",
            "triggers": [ { "event": "incident.created", "filter": "input.priority <= (2" } ]
            """, StartLogEnd, "start -> log", "log -> end");

        var error = SingleError(definition);

        error.Input.Should().Be("triggers");
        error.Message.Should().Contain("filter of trigger 'incident.created' is not a valid expression: line 1, column 21: ").And.Contain("closing `)`");
    }

    // ---- activities ----

    [Theory]
    [InlineData("send-mail")]
    [InlineData("1st")]
    [InlineData("a.b")]
    [InlineData("log\n")]
    public void An_invalid_activity_id_is_reported(string id)
    {
        var definition = Simple with
        {
            Root = Simple.Root with
            {
                Activities = [.. Simple.Root.Activities.Select(a => a.Id == "log" ? a with { Id = id } : a)],
                Connections = [new(new("start"), new(id)), new(new(id), new("end"))],
            },
        };

        var error = SingleError(definition);

        error.Should().BeEquivalentTo(new { ActivityId = id, Input = (string?)null });
        error.Message.Should().Contain($"Activity id '{id}' must be a letter or '_'");
    }

    [Fact]
    public void A_duplicate_activity_id_is_reported()
    {
        var definition = Flowchart("""
            { "id": "start", "type": "Start" },
            { "id": "log", "type": "Log", "inputs": { "message": "one" } },
            { "id": "log", "type": "Log", "inputs": { "message": "two" } },
            { "id": "end", "type": "End" }
            """, "start -> log", "log -> end");

        var error = SingleError(definition);

        error.Should().BeEquivalentTo(new { ActivityId = "log", Input = (string?)null });
        error.Message.Should().Contain("Two activities have the id 'log'");
    }

    [Fact]
    public void An_unknown_activity_type_is_reported()
    {
        var definition = Flowchart("""
            { "id": "start", "type": "Start" },
            { "id": "page", "type": "pagerduty.Trigger", "inputs": { "summary": "down" } },
            { "id": "end", "type": "End" }
            """, "start -> page", "page -> end");

        var error = SingleError(definition);

        error.Should().BeEquivalentTo(new { ActivityId = "page", Input = (string?)null });
        error.Message.Should().Contain("Unknown activity type 'pagerduty.Trigger'");
    }

    [Fact]
    public void Activity_types_are_case_sensitive()
    {
        var definition = Flowchart("""
            { "id": "start", "type": "Start" },
            { "id": "log", "type": "log", "inputs": { "message": "hi" } },
            { "id": "end", "type": "End" }
            """, "start -> log", "log -> end");

        SingleError(definition).Message.Should().Contain("Unknown activity type 'log'");
    }

    [Fact]
    public void An_unknown_input_name_is_reported_with_the_known_inputs()
    {
        var definition = Flowchart("""
            { "id": "start", "type": "Start" },
            { "id": "log", "type": "Log", "inputs": { "message": "hi", "level": "Warning" } },
            { "id": "end", "type": "End" }
            """, "start -> log", "log -> end");

        var error = SingleError(definition);

        error.Should().BeEquivalentTo(new { ActivityId = "log", Input = "level" });
        error.Message.Should().Contain("Log has no input 'level'; its inputs are message");
    }

    [Fact]
    public void An_input_on_an_activity_without_inputs_is_reported()
    {
        var definition = Flowchart("""
            { "id": "start", "type": "Start", "inputs": { "when": "now" } },
            { "id": "end", "type": "End" }
            """, "start -> end");

        var error = SingleError(definition);

        error.Should().BeEquivalentTo(new { ActivityId = "start", Input = "when" });
        error.Message.Should().Contain("it has no inputs");
    }

    [Theory]
    [InlineData("Decision", "{}", "condition")]
    [InlineData("Delay", "{}", "seconds")]
    [InlineData("Delay", """{ "seconds": null }""", "seconds")]
    [InlineData("WaitForEvent", "{}", "eventName")]
    [InlineData("Approval", """{ "assignees": ["ops"] }""", "title")]
    [InlineData("Approval", """{ "title": "Go?" }""", "assignees")]
    [InlineData("SetVariable", """{ "value": 1 }""", "name")]
    [InlineData("SetVariable", """{ "name": "attempts" }""", "value")]
    [InlineData("RunWorkflow", "{}", "definitionId")]
    [InlineData("Fail", "{}", "message")]
    [InlineData("Log", "{}", "message")]
    [InlineData("Switch", "{}", "cases")]
    public void A_missing_required_input_is_reported(string type, string inputs, string missing)
    {
        var definition = Flowchart($$"""
            { "id": "start", "type": "Start" },
            { "id": "step", "type": "{{type}}", "inputs": {{inputs}} },
            { "id": "end", "type": "End" }
            """, "start -> step", "step.Failed -> end");

        var error = SingleError(definition);

        error.Should().BeEquivalentTo(new { ActivityId = "step", Input = missing });
        error.Message.Should().Be($"{missing} is required.");
    }

    [Fact]
    public void A_literal_of_the_wrong_type_is_reported()
    {
        var definition = Flowchart("""
            { "id": "start", "type": "Start" },
            { "id": "wait", "type": "Delay", "inputs": { "seconds": "ten" } },
            { "id": "end", "type": "End" }
            """, "start -> wait", "wait -> end");

        var error = SingleError(definition);

        error.Should().BeEquivalentTo(new { ActivityId = "wait", Input = "seconds" });
        error.Message.Should().Contain("seconds must be a number").And.Contain("\"ten\"");
    }

    [Theory]
    [InlineData("RunWorkflow", """{ "definitionId": "child", "wait": "yes" }""", "wait", "must be a boolean")]
    [InlineData("RunWorkflow", """{ "definitionId": "child", "input": [1] }""", "input", "must be an object")]
    [InlineData("Approval", """{ "title": "Go?", "assignees": "ops" }""", "assignees", "must be an array")]
    [InlineData("WaitForEvent", """{ "eventName": 42 }""", "eventName", "must be a string")]
    [InlineData("Decision", """{ "condition": "yes" }""", "condition", "must be a boolean")]
    public void Literals_are_checked_against_the_input_type(string type, string inputs, string input, string phrase)
    {
        var definition = Flowchart($$"""
            { "id": "start", "type": "Start" },
            { "id": "step", "type": "{{type}}", "inputs": {{inputs}} },
            { "id": "end", "type": "End" }
            """, "start -> step", "step.Failed -> end");

        var error = SingleError(definition);

        error.Should().BeEquivalentTo(new { ActivityId = "step", Input = input });
        error.Message.Should().Contain(phrase);
    }

    [Fact]
    public void A_decision_condition_given_as_an_object_literal_is_reported()
    {
        var definition = Flowchart("""
            { "id": "start", "type": "Start" },
            { "id": "decide", "type": "Decision", "inputs": { "condition": { "left": 1 } } },
            { "id": "end", "type": "End" }
            """, "start -> decide", "decide.True -> end");

        var error = SingleError(definition);

        error.Should().BeEquivalentTo(new { ActivityId = "decide", Input = "condition" });
        error.Message.Should().Contain("must be an expression");
    }

    [Fact]
    public void A_select_value_outside_its_options_is_reported()
    {
        var definition = Flowchart("""
            { "id": "start", "type": "Start" },
            { "id": "join", "type": "Join", "inputs": { "mode": "Sometimes" } },
            { "id": "end", "type": "End" }
            """, "start -> join", "join -> end");

        var error = SingleError(definition);

        error.Should().BeEquivalentTo(new { ActivityId = "join", Input = "mode" });
        error.Message.Should().Contain("mode must be one of WaitAll, WaitAny").And.Contain("\"Sometimes\"");
    }

    [Theory]
    [InlineData("WaitAll")]
    [InlineData("WaitAny")]
    public void A_select_value_among_its_options_is_valid(string mode)
    {
        var definition = Flowchart($$"""
            { "id": "start", "type": "Start" },
            { "id": "join", "type": "Join", "inputs": { "mode": "{{mode}}" } },
            { "id": "end", "type": "End" }
            """, "start -> join", "join -> end");

        _validator.Validate(definition).Errors.Should().BeEmpty();
    }

    [Fact]
    public void A_bad_expression_is_reported_with_its_position()
    {
        var definition = Flowchart("""
            { "id": "start", "type": "Start" },
            { "id": "log", "type": "Log", "inputs": { "message": { "expr": "input.title + (1" } } },
            { "id": "end", "type": "End" }
            """, "start -> log", "log -> end");

        var error = SingleError(definition);

        error.Should().BeEquivalentTo(new { ActivityId = "log", Input = "message" });
        error.Message.Should().StartWith("Invalid expression at line 1, column 17: ").And.Contain("Expecting a closing `)`");
    }

    [Fact]
    public void A_bad_expression_on_a_later_line_reports_that_line()
    {
        var definition = Flowchart("""
            { "id": "start", "type": "Start" },
            { "id": "decide", "type": "Decision", "inputs": { "condition": { "expr": "x = 1\ny ==" } } },
            { "id": "end", "type": "End" }
            """, "start -> decide", "decide.True -> end");

        var error = SingleError(definition);

        error.Should().BeEquivalentTo(new { ActivityId = "decide", Input = "condition" });
        error.Message.Should().StartWith("Invalid expression at line 2, column 5: ");
    }

    [Fact]
    public void An_empty_expression_is_reported()
    {
        var definition = Flowchart("""
            { "id": "start", "type": "Start" },
            { "id": "log", "type": "Log", "inputs": { "message": { "expr": " " } } },
            { "id": "end", "type": "End" }
            """, "start -> log", "log -> end");

        var error = SingleError(definition);

        error.Input.Should().Be("message");
        error.Message.Should().Contain("empty");
    }

    // ---- Switch, Approval, SetVariable ----

    [Fact]
    public void Switch_cases_that_are_not_an_array_are_reported()
    {
        var errors = ErrorsOf(SwitchWith("\"Critical\""));

        errors.Should().NotBeEmpty().And.OnlyContain(e => e.ActivityId == "triage" && e.Input == "cases");
        errors.Should().Contain(e => e.Message.Contains("cases must be an array"));
    }

    [Fact]
    public void A_switch_case_without_a_condition_is_reported()
    {
        var error = SingleError(SwitchWith("""[ { "name": "High", "condition": "input.priority == 1" }, { "name": "Low" } ]"""));

        error.Should().BeEquivalentTo(new { ActivityId = "triage", Input = "cases" });
        error.Message.Should().Contain("case 2 needs a non-empty \"name\" and a \"condition\"");
    }

    [Fact]
    public void Duplicate_switch_case_names_are_reported()
    {
        var error = SingleError(SwitchWith("""
            [ { "name": "High", "condition": "input.priority == 1" }, { "name": "High", "condition": "input.priority == 2" } ]
            """));

        error.Should().BeEquivalentTo(new { ActivityId = "triage", Input = "cases" });
        error.Message.Should().Contain("Two cases are named 'High'");
    }

    [Fact]
    public void A_switch_case_condition_that_does_not_parse_is_reported_with_its_position()
    {
        var error = SingleError(SwitchWith("""[ { "name": "High", "condition": "input.priority ==" } ]"""));

        error.Should().BeEquivalentTo(new { ActivityId = "triage", Input = "cases" });
        error.Message.Should().Contain("The condition of case 'High' is not a valid expression: line 1, column 18: ");
    }

    [Fact]
    public void A_switch_case_may_not_be_named_Failed_like_the_failure_port()
    {
        // Approval refuses an option named Failed for the same reason: a matching case would look like a failure.
        var error = SingleError(SwitchWith("""[ { "name": "Failed", "condition": "input.priority == 1" } ]"""));

        error.Should().BeEquivalentTo(new { ActivityId = "triage", Input = "cases" });
        error.Message.Should().Contain("Failed");
    }

    [Theory]
    [InlineData("""["Yes", "Yes"]""")]
    [InlineData("""["Approve", "TimedOut"]""")]
    [InlineData("""["Approve", "Failed"]""")]
    [InlineData("""["Approve", ""]""")]
    [InlineData("""["Approve", 2]""")]
    public void Approval_options_must_be_distinct_names_other_than_TimedOut_and_Failed(string options)
    {
        var definition = Flowchart($$"""
            { "id": "start", "type": "Start" },
            { "id": "ask", "type": "Approval", "inputs": { "title": "Go?", "assignees": ["ops"], "options": {{options}} } },
            { "id": "end", "type": "End" }
            """, "start -> ask", "ask.TimedOut -> end");

        var error = SingleError(definition);

        error.Should().BeEquivalentTo(new { ActivityId = "ask", Input = "options" });
        error.Message.Should().Contain("distinct").And.Contain("TimedOut");
    }

    [Fact]
    public void SetVariable_naming_an_undeclared_variable_is_reported()
    {
        var definition = Flowchart("""
            { "id": "start", "type": "Start" },
            { "id": "set", "type": "SetVariable", "inputs": { "name": "counter", "value": 1 } },
            { "id": "end", "type": "End" }
            """, "start -> set", "set -> end");

        var error = SingleError(definition);

        error.Should().BeEquivalentTo(new { ActivityId = "set", Input = "name" });
        error.Message.Should().Contain("Variable 'counter' is not declared");
    }

    [Fact]
    public void SetVariable_naming_a_declared_variable_is_valid()
    {
        var definition = Flowchart("""
            { "id": "start", "type": "Start" },
            { "id": "set", "type": "SetVariable", "inputs": { "name": "attempts", "value": { "expr": "variables.attempts + 1" } } },
            { "id": "end", "type": "End" }
            """, "start -> set", "set -> end");

        _validator.Validate(definition).Errors.Should().BeEmpty();
    }

    // ---- policies ----

    [Theory]
    [InlineData("""{ "maxAttempts": 0 }""", "retry.maxAttempts", "retry.maxAttempts is required")]
    [InlineData("""{ "backoffSeconds": 2 }""", "retry.maxAttempts", "retry.maxAttempts is required")]
    [InlineData("""{ "maxAttempts": 101 }""", "retry.maxAttempts", "retry.maxAttempts must be 1–100; got 101.")]
    [InlineData("""{ "maxAttempts": 3, "backoffSeconds": -1 }""", "retry.backoffSeconds", "retry.backoffSeconds must be 0 or more; got -1.")]
    public void A_bad_retry_policy_is_reported_naming_the_field(string retry, string field, string message)
    {
        var definition = Flowchart($$"""
            { "id": "start", "type": "Start" },
            { "id": "log", "type": "Log", "inputs": { "message": "hi" }, "retry": {{retry}} },
            { "id": "end", "type": "End" }
            """, "start -> log", "log -> end");

        var error = SingleError(definition);

        error.Should().BeEquivalentTo(new { ActivityId = "log", Input = field });
        error.Message.Should().Contain(message);
    }

    [Theory]
    [InlineData("Delay", "seconds", "0", "seconds must be a number more than 0; got 0.")]
    [InlineData("Delay", "seconds", "-5", "seconds must be a number more than 0; got -5.")]
    [InlineData("Delay", "seconds", "\"ten\"", "seconds must be a number; got string \"ten\".")]
    [InlineData("Approval", "timeoutSeconds", "0", "timeoutSeconds must be a number more than 0; got 0.")]
    [InlineData("Approval", "timeoutSeconds", "-1.5", "timeoutSeconds must be a number more than 0; got -1.5.")]
    public void A_duration_of_zero_or_less_is_refused_naming_the_activity_and_input(string type, string input, string literal, string message)
    {
        var inputs = type == "Delay"
            ? $$"""{ "seconds": {{literal}} }"""
            : $$"""{ "title": "Go?", "assignees": ["ada"], "timeoutSeconds": {{literal}} }""";
        var definition = Flowchart($$"""
            { "id": "start", "type": "Start" },
            { "id": "wait", "type": "{{type}}", "inputs": {{inputs}} }
            """, "start -> wait");

        var error = SingleError(definition);

        error.Should().BeEquivalentTo(new { ActivityId = "wait", Input = input, Message = message });
    }

    [Theory]
    [InlineData(5L, null)]
    [InlineData(0L, "seconds must be a number more than 0; got 0.")]
    public void A_number_built_in_memory_is_checked_like_one_read_from_JSON(long seconds, string? message)
    {
        // The designer builds literals with JsonValue.Create; they are not JsonElement-backed like parsed ones.
        var definition = Flowchart("""
            { "id": "start", "type": "Start" },
            { "id": "wait", "type": "Delay", "inputs": { "seconds": 1 } }
            """, "start -> wait");
        var wait = definition.Root.Activities[1];
        definition = definition with
        {
            Root = definition.Root with
            {
                Activities = [definition.Root.Activities[0], wait with { Inputs = new Dictionary<string, InputValue> { ["seconds"] = InputValue.Of(System.Text.Json.Nodes.JsonValue.Create(seconds)) } }],
            },
        };

        _validator.Validate(definition).Errors.Select(e => e.Message).Should().BeEquivalentTo(message is null ? [] : [message]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_timeout_of_zero_or_less_is_reported(int seconds)
    {
        var definition = Flowchart($$"""
            { "id": "start", "type": "Start" },
            { "id": "log", "type": "Log", "inputs": { "message": "hi" }, "timeoutSeconds": {{seconds}} },
            { "id": "end", "type": "End" }
            """, "start -> log", "log -> end");

        var error = SingleError(definition);

        error.Should().BeEquivalentTo(new { ActivityId = "log", Input = "timeoutSeconds" });
        error.Message.Should().Contain("timeoutSeconds must be more than 0");
    }

    // ---- connections ----

    [Fact]
    public void A_connection_from_an_unknown_activity_is_reported()
    {
        var error = SingleError(Flowchart(StartLogEnd, "start -> log", "log -> end", "ghost -> end"));

        error.Should().BeEquivalentTo(new { ActivityId = (string?)null, Input = "connections" });
        error.Message.Should().Contain("starts at unknown activity 'ghost'");
    }

    [Fact]
    public void A_connection_to_an_unknown_activity_is_reported()
    {
        var error = SingleError(Flowchart(StartLogEnd, "start -> log", "log -> end", "log.Failed -> ghost"));

        error.Should().BeEquivalentTo(new { ActivityId = "log", Input = "connections" });
        error.Message.Should().Contain("log.Failed → ghost ends at unknown activity 'ghost'");
    }

    [Fact]
    public void A_connection_from_an_unknown_port_is_reported_with_the_ports_there_are()
    {
        var definition = Flowchart("""
            { "id": "start", "type": "Start" },
            { "id": "decide", "type": "Decision", "inputs": { "condition": true } },
            { "id": "end", "type": "End" }
            """, "start -> decide", "decide.True -> end", "decide.Maybe -> end");

        var error = SingleError(definition);

        error.Should().BeEquivalentTo(new { ActivityId = "decide", Input = "connections" });
        error.Message.Should().Contain("Decision 'decide' has no port 'Maybe'; its ports are True, False, Failed");
    }

    [Fact]
    public void A_connection_without_a_port_uses_Done_which_a_Decision_does_not_have()
    {
        var definition = Flowchart("""
            { "id": "start", "type": "Start" },
            { "id": "decide", "type": "Decision", "inputs": { "condition": true } },
            { "id": "end", "type": "End" }
            """, "start -> decide", "decide -> end");

        SingleError(definition).Message.Should().Contain("has no port 'Done'");
    }

    [Fact]
    public void Ports_are_case_sensitive()
    {
        var error = SingleError(Flowchart(StartLogEnd, "start -> log", "log.done -> end"));

        error.Message.Should().Contain("has no port 'done'");
    }

    [Fact]
    public void End_has_no_outgoing_port_but_Failed()
    {
        var definition = Flowchart("""
            { "id": "start", "type": "Start" },
            { "id": "end", "type": "End" },
            { "id": "after", "type": "Log", "inputs": { "message": "after the end" } }
            """, "start -> end", "end -> after");

        SingleError(definition).Message.Should().Contain("End 'end' has no port 'Done'; its ports are Failed");
    }

    [Theory]
    [InlineData("log -> end", "log -> end")]
    [InlineData("log -> end", "log.Done -> end")]
    public void A_duplicate_connection_is_reported(string first, string second)
    {
        var error = SingleError(Flowchart(StartLogEnd, "start -> log", first, second));

        error.Should().BeEquivalentTo(new { ActivityId = "log", Input = "connections" });
        error.Message.Should().Contain("log.Done → end is listed twice");
    }

    [Fact]
    public void A_connection_without_a_source_is_reported_not_thrown()
    {
        var definition = FromJson($$"""
            { {{DefaultHeader}}, "root": { "activities": [ {{StartLogEnd}} ], "connections": [
              { "source": { "activity": "start" }, "target": { "activity": "log" } },
              { "source": { "activity": "log" }, "target": { "activity": "end" } },
              { "target": { "activity": "end" } } ] } }
            """);

        var error = SingleError(definition);

        error.Input.Should().Be("connections");
    }

    [Fact]
    public void An_activity_with_a_null_type_is_reported_not_thrown()
    {
        var definition = Flowchart("""
            { "id": "start", "type": "Start" },
            { "id": "what", "type": null },
            { "id": "end", "type": "End" }
            """, "start -> what", "what -> end");

        var error = SingleError(definition);

        error.Should().BeEquivalentTo(new { ActivityId = "what", Input = (string?)null });
        error.Message.Should().Be("type is required.");
    }

    [Fact]
    public void An_activity_with_a_null_id_is_reported_not_thrown()
    {
        var definition = Flowchart("""
            { "id": "start", "type": "Start" },
            { "id": null, "type": "Log", "inputs": { "message": "hi" } }
            """);

        var errors = ErrorsOf(definition);

        errors.Should().Contain(e => e.Message.Contains("Activity id '' must be a letter"));
    }

    // ---- shape ----

    [Fact]
    public void A_flowchart_without_Start_is_reported()
    {
        var definition = Flowchart("""
            { "id": "log", "type": "Log", "inputs": { "message": "hi" } },
            { "id": "end", "type": "End" }
            """, "log -> end");

        var error = SingleError(definition);

        error.Should().BeEquivalentTo(new { ActivityId = (string?)null, Input = "root" });
        error.Message.Should().Contain("no Start activity");
    }

    [Fact]
    public void A_flowchart_with_two_Starts_is_reported()
    {
        var definition = Flowchart("""
            { "id": "start", "type": "Start" },
            { "id": "again", "type": "Start" },
            { "id": "end", "type": "End" }
            """, "start -> end", "again -> end");

        var errors = ErrorsOf(definition);

        errors.Should().ContainSingle(e => e.Message.Contains("Start activities"))
            .Which.Should().BeEquivalentTo(new { ActivityId = "again", Input = (string?)null });
        errors.Single(e => e.Message.Contains("Start activities")).Message.Should().Contain("2 Start activities (start, again); it needs exactly one");
    }

    [Fact]
    public void A_connection_into_Start_is_reported()
    {
        var definition = Flowchart("""
            { "id": "start", "type": "Start" },
            { "id": "wait", "type": "Delay", "inputs": { "seconds": 60 } },
            { "id": "end", "type": "End" }
            """, "start -> wait", "wait -> start", "wait.Failed -> end");

        var error = SingleError(definition);

        error.Should().BeEquivalentTo(new { ActivityId = "start", Input = "connections" });
        error.Message.Should().Contain("Nothing may connect into Start");
    }

    [Fact]
    public void An_unreachable_activity_is_reported()
    {
        var definition = Flowchart(StartLogEnd + """
            , { "id": "orphan", "type": "Log", "inputs": { "message": "nobody calls me" } }
            """, "start -> log", "log -> end", "orphan -> end");

        var error = SingleError(definition);

        error.Should().BeEquivalentTo(new { ActivityId = "orphan", Input = (string?)null });
        error.Message.Should().Contain("'orphan' cannot be reached from Start");
    }

    [Fact]
    public void An_activity_reachable_only_through_Failed_is_reachable()
    {
        var definition = Flowchart(StartLogEnd + """
            , { "id": "oops", "type": "Fail", "inputs": { "message": "logging failed" } }
            """, "start -> log", "log -> end", "log.Failed -> oops");

        _validator.Validate(definition).Errors.Should().BeEmpty();
    }

    [Fact]
    public void A_loop_that_never_waits_is_reported_naming_the_loop()
    {
        var definition = Flowchart("""
            { "id": "start", "type": "Start" },
            { "id": "count", "type": "SetVariable", "inputs": { "name": "attempts", "value": { "expr": "variables.attempts + 1" } } },
            { "id": "again", "type": "Decision", "inputs": { "condition": { "expr": "variables.attempts < 3" } } },
            { "id": "end", "type": "End" }
            """, "start -> count", "count -> again", "again.True -> count", "again.False -> end");

        var error = SingleError(definition);

        error.Input.Should().Be("connections");
        error.ActivityId.Should().BeOneOf("count", "again");
        error.Message.Should().Contain("never waits")
            .And.Match(m => m.Contains("count → again → count") || m.Contains("again → count → again"));
    }

    [Fact]
    public void A_self_loop_that_never_waits_is_reported()
    {
        var definition = Flowchart("""
            { "id": "start", "type": "Start" },
            { "id": "spin", "type": "Log", "inputs": { "message": "again" } }
            """, "start -> spin", "spin -> spin");

        var error = SingleError(definition);

        error.Should().BeEquivalentTo(new { ActivityId = "spin", Input = "connections" });
        error.Message.Should().Contain("spin → spin").And.Contain("never waits");
    }

    [Fact]
    public void A_loop_through_a_Delay_is_valid()
    {
        var definition = Flowchart("""
            { "id": "start", "type": "Start" },
            { "id": "again", "type": "Decision", "inputs": { "condition": { "expr": "variables.attempts < 3" } } },
            { "id": "pause", "type": "Delay", "inputs": { "seconds": 60 } },
            { "id": "end", "type": "End" }
            """, "start -> again", "again.True -> pause", "pause -> again", "again.False -> end");

        _validator.Validate(definition).Errors.Should().BeEmpty();
    }

    [Fact]
    public void A_loop_through_WaitForEvent_is_valid()
    {
        var definition = Flowchart("""
            { "id": "start", "type": "Start" },
            { "id": "listen", "type": "WaitForEvent", "inputs": { "eventName": "alert.fired" } },
            { "id": "log", "type": "Log", "inputs": { "message": { "expr": "outputs.listen.payload" } } }
            """, "start -> listen", "listen -> log", "log -> listen");

        _validator.Validate(definition).Errors.Should().BeEmpty();
    }

    [Fact]
    public void A_loop_that_never_waits_is_reported_even_when_it_shares_an_activity_with_a_loop_that_waits()
    {
        // again.True → count → again spins without waiting; again.False → pause → again waits.
        var definition = Flowchart("""
            { "id": "start", "type": "Start" },
            { "id": "again", "type": "Decision", "inputs": { "condition": { "expr": "variables.attempts < 3" } } },
            { "id": "count", "type": "SetVariable", "inputs": { "name": "attempts", "value": { "expr": "variables.attempts + 1" } } },
            { "id": "pause", "type": "Delay", "inputs": { "seconds": 60 } }
            """, "start -> again", "again.True -> count", "count -> again", "again.False -> pause", "pause -> again");

        var error = SingleError(definition);

        error.Message.Should().Contain("never waits").And.Contain("count").And.NotContain("pause");
    }

    // ---- ports from inputs ----

    [Fact]
    public void Switch_case_names_and_Default_are_ports()
    {
        var definition = SwitchWith(
            """[ { "name": "High", "condition": "input.priority <= 2" }, { "name": "Low", "condition": "input.priority > 2" } ]""",
            "triage.High -> end", "triage.Low -> end");

        _validator.Validate(definition).Errors.Should().BeEmpty();
    }

    [Fact]
    public void A_port_that_is_not_one_of_the_switch_cases_is_reported()
    {
        var error = SingleError(SwitchWith("""[ { "name": "High", "condition": "input.priority <= 2" } ]""", "triage.Low -> end"));

        error.Message.Should().Contain("Switch 'triage' has no port 'Low'; its ports are High, Default, Failed");
    }

    [Fact]
    public void Approval_options_TimedOut_and_Failed_are_ports()
    {
        var definition = Flowchart("""
            { "id": "start", "type": "Start" },
            { "id": "ask", "type": "Approval", "inputs": { "title": "Escalate?", "assignees": ["ops"], "options": ["Escalate", "Ignore"] } },
            { "id": "end", "type": "End" }
            """, "start -> ask", "ask.Escalate -> end", "ask.Ignore -> end", "ask.TimedOut -> end", "ask.Failed -> end");

        _validator.Validate(definition).Errors.Should().BeEmpty();
    }

    [Fact]
    public void Approval_without_options_has_the_Approve_and_Reject_ports()
    {
        var definition = Flowchart("""
            { "id": "start", "type": "Start" },
            { "id": "ask", "type": "Approval", "inputs": { "title": "Go?", "assignees": ["ops"] } },
            { "id": "end", "type": "End" }
            """, "start -> ask", "ask.Approve -> end", "ask.Reject -> end");

        _validator.Validate(definition).Errors.Should().BeEmpty();
    }

    [Fact]
    public void Approval_with_its_own_options_has_no_Approve_port()
    {
        var definition = Flowchart("""
            { "id": "start", "type": "Start" },
            { "id": "ask", "type": "Approval", "inputs": { "title": "Escalate?", "assignees": ["ops"], "options": ["Escalate", "Ignore"] } },
            { "id": "end", "type": "End" }
            """, "start -> ask", "ask.Approve -> end");

        var error = SingleError(definition);

        error.Should().BeEquivalentTo(new { ActivityId = "ask", Input = "connections" });
        error.Message.Should().Contain("has no port 'Approve'");
    }

    [Theory]
    [InlineData("Start", "{}")]
    [InlineData("End", "{}")]
    [InlineData("Decision", """{ "condition": true }""")]
    [InlineData("Switch", """{ "cases": [ { "name": "A", "condition": "true" } ] }""")]
    [InlineData("Fork", "{}")]
    [InlineData("Join", "{}")]
    [InlineData("Delay", """{ "seconds": 1 }""")]
    [InlineData("WaitForEvent", """{ "eventName": "e" }""")]
    [InlineData("Approval", """{ "title": "t", "assignees": ["a"] }""")]
    [InlineData("SetVariable", """{ "name": "attempts", "value": 1 }""")]
    [InlineData("RunWorkflow", """{ "definitionId": "child" }""")]
    [InlineData("Fail", """{ "message": "m" }""")]
    [InlineData("Log", """{ "message": "m" }""")]
    public void Failed_is_a_port_of_every_activity_type(string type, string inputs)
    {
        var definition = type == "Start"
            ? Flowchart("""{ "id": "start", "type": "Start" }, { "id": "end", "type": "End" }""", "start.Failed -> end")
            : Flowchart($$"""
                { "id": "start", "type": "Start" },
                { "id": "step", "type": "{{type}}", "inputs": {{inputs}} },
                { "id": "handle", "type": "Log", "inputs": { "message": "step failed" } }
                """, "start -> step", "step.Failed -> handle");

        _validator.Validate(definition).Errors.Should().BeEmpty();
    }

    // ---- everything at once ----

    [Fact]
    public void Several_errors_are_all_reported_at_once()
    {
        var definition = FromParts("""
            "definitionId": "Bad Id", "name": "", "variables": [ { "name": "x", "type": "Integer" } ]
            """, """
            { "id": "start", "type": "Start" },
            { "id": "wait", "type": "Delay", "inputs": { "seconds": "ten" } },
            { "id": "decide", "type": "Decision", "inputs": { "condition": { "expr": "(" } } },
            { "id": "orphan", "type": "Log", "inputs": { "message": "alone" } },
            { "id": "end", "type": "End" }
            """, "start -> wait", "wait -> decide", "decide.Maybe -> end", "decide.True -> end", "log -> end");

        var errors = ErrorsOf(definition);

        errors.Select(e => (e.ActivityId, e.Input)).Distinct().Should().BeEquivalentTo(new (string?, string?)[]
        {
            (null, "definitionId"),
            (null, "name"),
            (null, "variables"),
            ("wait", "seconds"),
            ("decide", "condition"),
            ("decide", "connections"),
            (null, "connections"),
            ("orphan", null),
        });
    }

    [Fact]
    public void Errors_read_well_as_text()
    {
        new ValidationError("wait", "seconds", "seconds is required.").ToString().Should().Be("activity 'wait', input 'seconds': seconds is required.");
        new ValidationError("wait", null, "boom").ToString().Should().Be("activity 'wait': boom");
        new ValidationError(null, "name", "name is required.").ToString().Should().Be("name: name is required.");
        new ValidationError(null, null, "whole").ToString().Should().Be("whole");
    }

    private static WorkflowDefinition SwitchWith(string cases, params string[] connections) =>
        Flowchart($$"""
            { "id": "start", "type": "Start" },
            { "id": "triage", "type": "Switch", "inputs": { "cases": {{cases}} } },
            { "id": "end", "type": "End" }
            """, ["start -> triage", "triage.Default -> end", .. connections]);

    private IReadOnlyList<ValidationError> ErrorsOf(WorkflowDefinition definition) => _validator.Validate(definition).Errors;

    private ValidationError SingleError(WorkflowDefinition definition)
    {
        var errors = ErrorsOf(definition);
        errors.Should().ContainSingle($"exactly one error was expected, got: {string.Join(" | ", errors)}");
        return errors[0];
    }
}
