using System.Diagnostics;

namespace Orchestrator.Templating.Tests;

public class SandboxLimitsTests
{
    private readonly ScriptSandbox _sandbox = new();

    [Fact]
    public void Default_limits_are_the_documented_ones()
    {
        SandboxLimits.Default.Should().BeEquivalentTo(new
        {
            LoopLimit = 1000,
            RecursiveLimit = 50,
            StringLimit = 100_000,
            OutputLimit = 1_000_000,
            TimeLimit = TimeSpan.FromSeconds(2),
            RegexTimeout = TimeSpan.FromSeconds(1),
        });
        new ScriptSandbox().Limits.Should().Be(SandboxLimits.Default);
    }

    [Fact]
    public void An_infinite_loop_is_stopped_by_the_loop_limit()
    {
        var act = () => _sandbox.Evaluate("n = 0\nwhile true\n  n = n + 1\nend", Globals.Empty);

        var error = act.Should().Throw<ScriptException>().Which.Error;
        error.Message.Should().Be("loop limit of 1000 iterations exceeded");
        error.Line.Should().Be(2);
    }

    [Fact]
    public void Nested_loops_share_the_loop_limit()
    {
        var act = () => _sandbox.Evaluate("n = 0\nfor i in 1..40\n  for j in 1..40\n    n = n + 1\n  end\nend\nn", Globals.Empty);

        act.Should().Throw<ScriptException>().Which.Error.Message.Should().Be("loop limit of 1000 iterations exceeded");
        _sandbox.Evaluate("n = 0\nfor i in 1..20\n  for j in 1..20\n    n = n + 1\n  end\nend\nn", Globals.Empty).Should().Be(400L);
    }

    [Fact]
    public void A_huge_range_is_stopped_by_the_loop_limit()
    {
        var act = () => _sandbox.Evaluate("(1..100000) | array.size", Globals.Empty);

        act.Should().Throw<ScriptException>().Which.Error.Message.Should().Be("loop limit of 1000 iterations exceeded");
    }

    [Fact]
    public void Deep_recursion_is_stopped_by_the_recursion_limit()
    {
        var act = () => _sandbox.Evaluate("func down(n)\n  ret down(n + 1)\nend\ndown(0)", Globals.Empty);

        var error = act.Should().Throw<ScriptException>().Which.Error;
        error.Message.Should().Be("recursion limit of 50 nested calls exceeded");
        error.Line.Should().Be(2);
    }

    [Fact]
    public void A_string_doubled_past_the_string_limit_is_stopped()
    {
        var act = () => _sandbox.Evaluate("s = \"x\"\nfor i in 1..30\n  s = s + s\nend\ns | string.size", Globals.Empty);

        var error = act.Should().Throw<ScriptException>().Which.Error;
        error.Message.Should().Be("string limit of 100000 characters exceeded");
        error.Line.Should().Be(3);
    }

    [Fact]
    public void A_string_multiplied_past_the_string_limit_is_stopped()
    {
        var act = () => _sandbox.Evaluate("\"abc\" * 1000000", Globals.Empty);

        act.Should().Throw<ScriptException>().Which.Error.Message.Should().Be("string limit of 100000 characters exceeded");
    }

    [Fact]
    public void A_long_computation_is_stopped_by_the_time_limit()
    {
        var sandbox = new ScriptSandbox(new SandboxLimits { LoopLimit = int.MaxValue, TimeLimit = TimeSpan.FromMilliseconds(200) });
        var watch = Stopwatch.StartNew();

        var act = () => sandbox.Evaluate("n = 0\nwhile true\n  n = n + 1\nend", Globals.Empty);

        var error = act.Should().Throw<ScriptException>().Which.Error;
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
        error.Message.Should().Be("time limit of 200 ms exceeded");
        error.Line.Should().BeGreaterThan(1);
    }

    [Fact]
    public void Deep_but_allowed_recursion_is_stopped_by_the_time_limit()
    {
        var sandbox = new ScriptSandbox(new SandboxLimits { TimeLimit = TimeSpan.FromMilliseconds(200) });

        var act = () => sandbox.Evaluate("func fib(n)\n  ret n < 2 ? n : fib(n - 1) + fib(n - 2)\nend\nfib(40)", Globals.Empty);

        act.Should().Throw<ScriptException>().Which.Error.Message.Should().Be("time limit of 200 ms exceeded");
    }

    [Fact]
    public void A_time_limit_in_whole_seconds_is_named_in_seconds()
    {
        var sandbox = new ScriptSandbox(new SandboxLimits { LoopLimit = int.MaxValue, TimeLimit = TimeSpan.FromSeconds(1) });

        var act = () => sandbox.Render("{{ while true }}{{ end }}", Globals.Empty);

        act.Should().Throw<ScriptException>().Which.Error.Message.Should().Be("time limit of 1 s exceeded");
    }

    [Fact]
    public void Cancellation_by_the_caller_is_an_OperationCanceledException_not_a_time_out()
    {
        var sandbox = new ScriptSandbox(new SandboxLimits { LoopLimit = int.MaxValue, TimeLimit = TimeSpan.FromSeconds(30) });
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var watch = Stopwatch.StartNew();

        var act = () => sandbox.Evaluate("while true\nend", Globals.Empty, cts.Token);

        act.Should().Throw<OperationCanceledException>();
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void A_catastrophic_regex_is_stopped_by_the_regex_time_out()
    {
        var sandbox = new ScriptSandbox(new SandboxLimits { RegexTimeout = TimeSpan.FromMilliseconds(100) });
        var subject = new string('a', 40) + "!";

        var act = () => sandbox.Evaluate("subject | regex.match `^(a+)+$`", Globals.Of(("subject", subject)));

        var error = act.Should().Throw<ScriptException>().Which.Error;
        error.Message.Should().Be("regular expression time limit of 100 ms exceeded");
        error.Column.Should().Be(11);
    }

    [Theory]
    [InlineData(0, 50)]
    [InlineData(1000, -1)]
    public void Limits_that_would_disable_a_guard_are_rejected(int loopLimit, int recursiveLimit)
    {
        var act = () => new ScriptSandbox(new SandboxLimits { LoopLimit = loopLimit, RecursiveLimit = recursiveLimit });

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
