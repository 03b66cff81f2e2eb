namespace Orchestrator.Templating.Tests;

public class ScriptErrorTests
{
    private readonly ScriptSandbox _sandbox = new();

    [Fact]
    public void A_valid_expression_has_no_errors()
    {
        _sandbox.ValidateExpression("input.count > 3 && variables.name == \"x\"").Should().BeEmpty();
    }

    [Fact]
    public void A_parse_error_is_reported_at_its_line_and_column()
    {
        var errors = _sandbox.ValidateExpression("a = 1\nb = a +* 2");

        errors.Should().NotBeEmpty();
        errors[0].Line.Should().Be(2);
        errors[0].Column.Should().Be(8);
        errors[0].Message.Should().Contain("Expecting an <expression>");
    }

    [Fact]
    public void A_parse_error_at_the_end_points_past_the_last_character()
    {
        var errors = _sandbox.ValidateExpression("input.count >\n  (1 +");

        errors.Should().NotBeEmpty();
        errors.Should().AllSatisfy(error =>
        {
            error.Line.Should().BeGreaterThan(0);
            error.Column.Should().BeGreaterThan(0);
        });
        errors.Should().Contain(error => error.Line == 2 && error.Column == 7);
    }

    [Fact]
    public void An_empty_expression_is_an_error()
    {
        _sandbox.ValidateExpression("   ").Should().ContainSingle().Which.Should().Be(new ScriptError("the expression is empty", 1, 1));
    }

    [Fact]
    public void Evaluating_an_expression_that_does_not_parse_throws_with_the_position()
    {
        var act = () => _sandbox.Evaluate("input.count == == 3", Globals.AlertInput());

        var error = act.Should().Throw<ScriptException>().Which.Error;
        error.Line.Should().Be(1);
        error.Column.Should().Be(16);
    }

    [Fact]
    public void An_unknown_member_is_a_runtime_error_naming_it_at_its_position()
    {
        var act = () => _sandbox.Evaluate("x = 1\ninput.count > x && input.nope == 2", Globals.AlertInput());

        var exception = act.Should().Throw<ScriptException>().Which;
        exception.Error.Should().Be(new ScriptError("Cannot get member with name nope.", 2, 26));
        exception.Message.Should().Be("line 2, column 26: Cannot get member with name nope.");
    }

    [Fact]
    public void A_missing_key_in_json_input_is_an_error_not_null()
    {
        var act = () => _sandbox.Evaluate("incident.missing", Globals.Of(("incident", Globals.IncidentJson())));

        act.Should().Throw<ScriptException>().Which.Error.Message.Should().Contain("missing");
    }

    [Fact]
    public void A_missing_key_can_be_tested_with_object_has_key()
    {
        var globals = Globals.Of(("incident", Globals.IncidentJson()));

        _sandbox.Evaluate("object.has_key incident \"missing\"", globals).Should().Be(false);
        _sandbox.Evaluate("object.has_key incident \"title\"", globals).Should().Be(true);
    }

    [Fact]
    public void An_undefined_variable_is_an_error()
    {
        var act = () => _sandbox.Evaluate("inputs.count > 1", Globals.AlertInput());

        act.Should().Throw<ScriptException>().Which.Error
            .Should().Be(new ScriptError("The variable or function `inputs` was not found", 1, 1));
    }

    [Fact]
    public void An_unsupported_operation_is_an_error_at_the_operator()
    {
        var act = () => _sandbox.Evaluate("input.alert.labels.severity - 1", Globals.AlertInput());

        var error = act.Should().Throw<ScriptException>().Which.Error;
        error.Message.Should().Contain("Operator `-` is not supported");
        error.Column.Should().Be(29);
    }

    [Fact]
    public void Integer_division_by_zero_is_an_error()
    {
        var act = () => _sandbox.Evaluate("input.count // 0", Globals.AlertInput());

        act.Should().Throw<ScriptException>().Which.Error.Message.Should().Contain("divide by zero");
    }

    [Fact]
    public void A_result_that_is_a_function_cannot_be_returned()
    {
        var act = () => _sandbox.Evaluate("func twice(x)\n  ret x * 2\nend\n{ f: @twice }", Globals.Empty);

        act.Should().Throw<ScriptException>().Which.Error.Message.Should().StartWith("the result cannot be returned");
    }

    [Fact]
    public void Script_error_prints_as_line_column_and_message()
    {
        new ScriptError("boom", 3, 14).ToString().Should().Be("line 3, column 14: boom");
    }
}
