using System.Collections.Concurrent;

namespace Orchestrator.Templating.Tests;

public class ConcurrencyTests
{
    [Fact]
    public void One_sandbox_evaluates_100_expressions_in_parallel_each_with_its_own_input()
    {
        var sandbox = new ScriptSandbox();
        var results = new ConcurrentDictionary<int, object?>();

        Parallel.For(0, 100, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var globals = Globals.Of(("input", new Dictionary<string, object?> { ["n"] = i, ["items"] = Enumerable.Range(0, i % 7).ToList() }));
            results[i] = sandbox.Evaluate("total = 0\nfor x in input.items\n  total = total + x\nend\ninput.n * 10 + total", globals);
        });

        results.Should().HaveCount(100);
        results.Should().AllSatisfy(pair =>
        {
            var k = pair.Key % 7;
            pair.Value.Should().Be((long)(pair.Key * 10 + (k * (k - 1) / 2)));
        });
    }

    [Fact]
    public void One_sandbox_renders_templates_in_parallel_while_others_fail()
    {
        var sandbox = new ScriptSandbox();
        var rendered = new ConcurrentBag<string>();
        var failures = 0;

        Parallel.For(0, 100, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            if (i % 4 == 0)
            {
                try
                {
                    sandbox.Render("{{ while true }}{{ end }}", Globals.Empty);
                }
                catch (ScriptException)
                {
                    Interlocked.Increment(ref failures);
                }

                return;
            }

            rendered.Add(sandbox.Render("#{{ n }}", Globals.Of(("n", i))));
        });

        failures.Should().Be(25);
        rendered.Should().BeEquivalentTo(Enumerable.Range(0, 100).Where(i => i % 4 != 0).Select(i => $"#{i}"));
    }
}
