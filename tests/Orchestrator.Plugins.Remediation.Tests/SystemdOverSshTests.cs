using Orchestrator.Sdk;
using Orchestrator.Sdk.Testing;

namespace Orchestrator.Plugins.Remediation.Tests;

/// <summary>Restarting a unit on another host: SSH.NET against a real sshd on loopback, running a stand-in systemctl that records its arguments.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SystemdOverSshTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("orchestrator-ssh-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [SshFact]
    public async Task Restart_over_ssh_runs_systemctl_on_the_host_with_the_key_from_a_secret()
    {
        using var ssh = await SshServer.StartAsync(_folder);
        var systemctl = StandInSystemctl();

        var result = await ActionTest.RunAsync(new RestartSystemdUnitAction(), new Dictionary<string, object?>
        {
            ["unit"] = "nginx.service", ["host"] = "127.0.0.1", ["port"] = (long)ssh.Port, ["user"] = Environment.UserName,
            ["privateKeySecret"] = "ssh-key", ["hostKeyFingerprint"] = ssh.HostKeyFingerprint, ["systemctl"] = systemctl,
        }, new Dictionary<string, string> { ["ssh-key"] = ssh.ClientPrivateKey });

        result.Outcome.Should().Be("Active", result.Error);
        result.Outputs["state"].Should().Be("active");
        File.ReadAllLines(Path.Combine(_folder, "calls.log")).Should().Equal("restart nginx.service", "is-active nginx.service");
    }

    [SshFact]
    public async Task A_host_key_that_does_not_match_the_fingerprint_is_refused()
    {
        using var ssh = await SshServer.StartAsync(_folder);

        var result = await ActionTest.RunAsync(new RestartSystemdUnitAction(), new Dictionary<string, object?>
        {
            ["unit"] = "nginx.service", ["host"] = "127.0.0.1", ["port"] = (long)ssh.Port, ["user"] = Environment.UserName,
            ["privateKeySecret"] = "ssh-key", ["hostKeyFingerprint"] = "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", ["systemctl"] = StandInSystemctl(),
        }, new Dictionary<string, string> { ["ssh-key"] = ssh.ClientPrivateKey });

        result.Outcome.Should().Be(Outcomes.Failed);
        result.Error.Should().StartWith("SSH to 127.0.0.1 failed");
        File.Exists(Path.Combine(_folder, "calls.log")).Should().BeFalse();
    }

    [Fact]
    public async Task A_unit_name_that_could_change_the_remote_command_is_refused_before_connecting()
    {
        var result = await ActionTest.RunAsync(new RestartSystemdUnitAction(), new Dictionary<string, object?>
        {
            ["unit"] = "nginx; reboot", ["host"] = "127.0.0.1", ["user"] = "root", ["privateKeySecret"] = "k",
        });

        result.Outcome.Should().Be(Outcomes.Failed);
        result.Error.Should().Contain("is not a unit name");
    }

    private string StandInSystemctl()
    {
        var path = Path.Combine(_folder, "systemctl");
        var log = Path.Combine(_folder, "calls.log");
        File.WriteAllText(path, $"#!/bin/sh\necho \"$*\" >> '{log}'\nif [ \"$1\" = is-active ]; then echo active; fi\nexit 0\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        return path;
    }
}
