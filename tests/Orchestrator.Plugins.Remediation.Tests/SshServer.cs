using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Orchestrator.Tests.Shared;

namespace Orchestrator.Plugins.Remediation.Tests;

/// <summary>A real OpenSSH server on a loopback port for one test, with throw-away host and client keys (.ci/run installs openssh-server).</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SshServer : IDisposable
{
    public const string Program = "/usr/sbin/sshd";
    private readonly Process _sshd;

    /// <summary>Starts sshd on a free loopback port and returns once it accepts connections.</summary>
    public static async Task<SshServer> StartAsync(string folder)
    {
        var server = new SshServer(folder);
        try
        {
            await Eventually.Async(server.AcceptsConnectionsAsync, accepts => accepts, $"sshd listening on port {server.Port}");
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    private SshServer(string folder)
    {
        Directory.CreateDirectory("/run/sshd"); // sshd's privilege-separation directory
        Run("/usr/bin/ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", Path.Combine(folder, "host_key"));
        Run("/usr/bin/ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", Path.Combine(folder, "client_key"));
        File.Copy(Path.Combine(folder, "client_key.pub"), Path.Combine(folder, "authorized_keys"));
        Port = FreePort();
        var config = Path.Combine(folder, "sshd_config");
        File.WriteAllText(config, $"""
            Port {Port}
            ListenAddress 127.0.0.1
            HostKey {Path.Combine(folder, "host_key")}
            PidFile {Path.Combine(folder, "sshd.pid")}
            AuthorizedKeysFile {Path.Combine(folder, "authorized_keys")}
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PermitRootLogin prohibit-password
            StrictModes no
            UsePAM no
            """);
        _sshd = Process.Start(new ProcessStartInfo(Program, ["-D", "-e", "-f", config]) { RedirectStandardError = true, UseShellExecute = false })!;
        _sshd.BeginErrorReadLine();
        ClientPrivateKey = File.ReadAllText(Path.Combine(folder, "client_key"));
        HostKeyFingerprint = Run("/usr/bin/ssh-keygen", "-lf", Path.Combine(folder, "host_key.pub")).Split(' ')[1];
    }

    public static bool Available => File.Exists(Program) && Environment.UserName == "root";

    public int Port { get; }

    public string ClientPrivateKey { get; }

    /// <summary>As ssh-keygen -lf prints it, e.g. SHA256:abc…</summary>
    public string HostKeyFingerprint { get; }

    public void Dispose()
    {
        _sshd.Kill(entireProcessTree: true);
        _sshd.WaitForExit();
        _sshd.Dispose();
    }

    private async Task<bool> AcceptsConnectionsAsync()
    {
        try
        {
            using var probe = new TcpClient();
            await probe.ConnectAsync(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static string Run(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, UseShellExecute = false })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{program} exited with {process.ExitCode}.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A fact that needs a real sshd (and root to run it); reported as skipped where there is none.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SshFactAttribute : FactAttribute
{
    public SshFactAttribute()
    {
        if (!OperatingSystem.IsLinux() || !SshServer.Available)
        {
            Skip = $"Needs {SshServer.Program} and root (.ci/run installs openssh-server).";
        }
    }
}
