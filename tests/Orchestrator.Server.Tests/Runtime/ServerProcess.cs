using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Orchestrator.Tests.Shared;

namespace Orchestrator.Server.Tests.Runtime;

/// <summary>The built server as a real operating-system process (so a test can SIGKILL it), on a free loopback port.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly string _dataDirectory;
    private Process? _process;

    public ServerProcess(string dataDirectory)
    {
        _dataDirectory = dataDirectory;
        Port = FreePort();
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public int Port { get; }

    public HttpClient Client { get; }

    public async Task StartAsync()
    {
        var dll = ServerAssembly();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            dll, "--urls", $"http://127.0.0.1:{Port}",
            "--Orchestrator:DataDirectory", _dataDirectory,
            "--Orchestrator:SeedDemoData", "false",
            "--Orchestrator:WorkflowsDirectory", Path.Combine(_dataDirectory, "no-workflow-files"),
        })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        await Eventually.Async(async () =>
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {_process.ExitCode} while starting.");
            }

            try
            {
                return (await Client.GetAsync("/health")).StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                return false; // not listening yet
            }
        }, "the server healthy", TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(100));
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing — a crash.</summary>
    public async Task KillAsync()
    {
        _process!.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            await KillAsync();
        }

        _process?.Dispose();
        Client.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The server built by the same build as these tests: src/Orchestrator.Server/bin/&lt;configuration&gt;/net10.0.</summary>
    private static string ServerAssembly()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Orchestrator.sln")))
        {
            directory = directory.Parent;
        }

        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(directory?.FullName ?? throw new InvalidOperationException("Orchestrator.sln not found above the test folder."),
            "src", "Orchestrator.Server", "bin", configuration, "net10.0", "Orchestrator.Server.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the solution first: the server assembly is missing.", dll);
    }
}
