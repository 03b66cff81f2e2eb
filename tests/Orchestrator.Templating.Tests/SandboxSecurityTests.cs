namespace Orchestrator.Templating.Tests;

public class SandboxSecurityTests
{
    private readonly ScriptSandbox _sandbox = new();

    [Fact]
    public void Include_is_refused_in_templates()
    {
        var act = () => _sandbox.Render("Hello\n{{ include 'secrets.txt' }}", Globals.Empty);

        act.Should().Throw<ScriptException>().Which.Error.Should().Be(new ScriptError("includes are not allowed", 2, 4));
    }

    [Fact]
    public void Include_is_refused_in_expressions()
    {
        var act = () => _sandbox.Evaluate("include \"/etc/passwd\"", Globals.Empty);

        act.Should().Throw<ScriptException>().Which.Error.Message.Should().Be("includes are not allowed");
    }

    [Fact]
    public void A_poco_passed_as_a_global_is_rejected_before_the_script_runs()
    {
        var act = () => _sandbox.Evaluate("incident.Title", Globals.Of(("incident", new Poco("Checkout is down"))));

        act.Should().Throw<ArgumentException>().WithMessage("*Poco*cannot be exposed to scripts*");
    }

    [Fact]
    public void A_poco_nested_in_a_dictionary_is_rejected()
    {
        var model = Globals.Of(("incident", new Dictionary<string, object?> { ["owner"] = new Poco("Ada") }));

        var act = () => _sandbox.Render("{{ incident.owner.Title }}", model);

        act.Should().Throw<ArgumentException>().WithMessage("*Poco*");
    }

    [Fact]
    public void An_anonymous_object_is_rejected()
    {
        var act = () => ScriptValues.ToScript(new { Type = typeof(string) });

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Members_of_dotnet_values_are_not_reachable_through_reflection()
    {
        var globals = Globals.Of(("openedAt", DateTimeOffset.UnixEpoch));

        var ticks = () => _sandbox.Evaluate("openedAt.Ticks", globals);
        var now = () => _sandbox.Evaluate("date.now.Year", Globals.Empty);

        ticks.Should().Throw<ScriptException>().Which.Error.Message.Should().Contain("Ticks");
        now.Should().Throw<ScriptException>().Which.Error.Message.Should().Contain("Year");
    }

    [Fact]
    public void Builtin_functions_cannot_be_replaced_by_a_script()
    {
        var act = () => _sandbox.Evaluate("string.upcase = 5", Globals.Empty);

        act.Should().Throw<ScriptException>().Which.Error.Message.Should().Contain("readonly");
        _sandbox.Evaluate("\"a\" | string.upcase", Globals.Empty).Should().Be("A");
    }

    [Fact]
    public void Variables_set_by_one_run_are_not_seen_by_the_next()
    {
        _sandbox.Evaluate("leaked = 42\nleaked", Globals.Empty).Should().Be(42L);

        var act = () => _sandbox.Evaluate("leaked", Globals.Empty);

        act.Should().Throw<ScriptException>().Which.Error.Message.Should().Contain("leaked");
    }

    [Fact]
    public void A_result_that_refers_to_itself_is_an_error_not_a_crash()
    {
        var act = () => _sandbox.Evaluate("a = {}\na.self = a\na", Globals.Empty);

        act.Should().Throw<ScriptException>().Which.Error.Message.Should().Contain("refers to itself");
    }

    [Fact]
    public void Input_that_refers_to_itself_is_rejected()
    {
        var cyclic = new Dictionary<string, object?>();
        cyclic["self"] = cyclic;

        var act = () => _sandbox.Evaluate("1", Globals.Of(("input", cyclic)));

        act.Should().Throw<ArgumentException>().WithMessage("*refers to itself*");
    }

    private sealed record Poco(string Title)
    {
        public Type Kind => typeof(Poco);
    }
}
