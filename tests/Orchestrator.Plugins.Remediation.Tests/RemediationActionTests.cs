using System.Diagnostics;
using Orchestrator.Sdk;
using Orchestrator.Sdk.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Orchestrator.Plugins.Remediation.Tests;

/// <summary>Remediation actions against real processes, a stand-in systemctl that records its arguments, and a health endpoint on loopback.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // real POSIX programs: /bin/echo, /bin/sleep, shell scripts
public sealed class RemediationActionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("orchestrator-remediation-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Run_command_passes_arguments_without_a_shell_and_captures_output()
    {
        var result = await ActionTest.RunAsync(new RunCommandAction(), new Dictionary<string, object?>
        {
            ["command"] = "/bin/echo", ["arguments"] = new List<object?> { "hello world", "$HOME", "; rm -rf /" },
        });

        result.Outcome.Should().Be(Outcomes.Done);
        result.Outputs["exitCode"].Should().Be(0L);
        result.Outputs["stdout"].Should().Be("hello world $HOME ; rm -rf /");
    }

    [Fact]
    public async Task An_unexpected_exit_code_fails_and_an_expected_one_does_not()
    {
        var failed = await ActionTest.RunAsync(new RunCommandAction(), new Dictionary<string, object?> { ["command"] = "/bin/false" });
        var accepted = await ActionTest.RunAsync(new RunCommandAction(), new Dictionary<string, object?>
        {
            ["command"] = "/bin/false", ["expectedExitCodes"] = new List<object?> { 1L },
        });

        failed.Outcome.Should().Be(Outcomes.Failed);
        failed.Error.Should().Contain("exited with 1");
        accepted.Outcome.Should().Be(Outcomes.Done);
    }

    [Fact]
    public async Task A_command_over_its_time_out_is_stopped_and_fails()
    {
        var clock = Stopwatch.StartNew();

        var result = await ActionTest.RunAsync(new RunCommandAction(), new Dictionary<string, object?>
        {
            ["command"] = "/bin/sleep", ["arguments"] = new List<object?> { "30" }, ["timeoutSeconds"] = 1L,
        });

        result.Outcome.Should().Be(Outcomes.Failed);
        result.Error.Should().Contain("did not finish within 1 s");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_missing_program_fails_with_a_clear_message()
    {
        var result = await ActionTest.RunAsync(new RunCommandAction(), new Dictionary<string, object?> { ["command"] = "/no/such/program" });

        result.Outcome.Should().Be(Outcomes.Failed);
        result.Error.Should().StartWith("Could not start '/no/such/program'");
    }

    [Theory]
    [InlineData("active", "Active")]
    [InlineData("failed", "Inactive")]
    public async Task Restart_systemd_unit_calls_systemctl_restart_then_is_active(string state, string outcome)
    {
        var systemctl = StandInSystemctl(state);

        var result = await ActionTest.RunAsync(new RestartSystemdUnitAction(), new Dictionary<string, object?>
        {
            ["unit"] = "nginx.service", ["systemctl"] = systemctl,
        });

        result.Outcome.Should().Be(outcome);
        result.Outputs["state"].Should().Be(state);
        File.ReadAllLines(Path.Combine(_folder, "calls.log")).Should().Equal("restart nginx.service", "is-active nginx.service");
    }

    [Fact]
    public async Task A_failing_restart_fails_with_systemctls_message()
    {
        var systemctl = Path.Combine(_folder, "systemctl");
        File.WriteAllText(systemctl, "#!/bin/sh\necho \"Unit nope.service not found.\" >&2\nexit 5\n");
        File.SetUnixFileMode(systemctl, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var result = await ActionTest.RunAsync(new RestartSystemdUnitAction(), new Dictionary<string, object?> { ["unit"] = "nope.service", ["systemctl"] = systemctl });

        result.Outcome.Should().Be(Outcomes.Failed);
        result.Error.Should().Contain("exited with 5").And.Contain("not found");
    }

    [Fact]
    public async Task Wait_for_health_polls_until_the_endpoint_answers_2xx()
    {
        using var api = WireMockServer.Start();
        api.Given(Request.Create().WithPath("/health")).InScenario("boot").WillSetStateTo("warming")
            .RespondWith(Response.Create().WithStatusCode(503));
        api.Given(Request.Create().WithPath("/health")).InScenario("boot").WhenStateIs("warming").WillSetStateTo("up")
            .RespondWith(Response.Create().WithStatusCode(503));
        api.Given(Request.Create().WithPath("/health")).InScenario("boot").WhenStateIs("up")
            .RespondWith(Response.Create().WithStatusCode(200));

        var result = await ActionTest.RunAsync(new WaitForHealthAction(), new Dictionary<string, object?>
        {
            ["url"] = $"{api.Url}/health", ["intervalSeconds"] = 0.1, ["timeoutSeconds"] = 10L,
        });

        result.Outcome.Should().Be("Healthy");
        result.Outputs["attempts"].Should().Be(3L);
        result.Outputs["lastStatus"].Should().Be(200L);
    }

    [Fact]
    public async Task Wait_for_health_gives_up_as_Unhealthy()
    {
        using var api = WireMockServer.Start();
        api.Given(Request.Create().WithPath("/health")).RespondWith(Response.Create().WithStatusCode(503));

        var result = await ActionTest.RunAsync(new WaitForHealthAction(), new Dictionary<string, object?>
        {
            ["url"] = $"{api.Url}/health", ["intervalSeconds"] = 0.2, ["timeoutSeconds"] = 3L,
        });

        result.Outcome.Should().Be("Unhealthy");
        result.Outputs["lastStatus"].Should().Be(503L);
        ((long)result.Outputs["attempts"]!).Should().BeGreaterThan(1);
    }

    /// <summary>A systemctl that records each call's arguments and answers is-active with <paramref name="state"/>.</summary>
    private string StandInSystemctl(string state)
    {
        var path = Path.Combine(_folder, "systemctl");
        var log = Path.Combine(_folder, "calls.log");
        File.WriteAllText(path, $"#!/bin/sh\necho \"$*\" >> '{log}'\nif [ \"$1\" = is-active ]; then echo {state}; [ {state} = active ]; exit $?; fi\nexit 0\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
