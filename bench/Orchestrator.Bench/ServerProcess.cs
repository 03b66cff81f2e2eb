using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Orchestrator.Bench;

/// <summary>The server as people run it — its own process from its build output, Development environment (so the web
/// UI's static files come from the build, as with <c>dotnet run</c>), a fresh SQLite file, no demo data — for the
/// browser benchmarks, which need the UI's static assets that an in-process host of another app does not serve.</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _data;

    private ServerProcess(Process process, string data, Uri address)
    {
        _process = process;
        _data = data;
        Address = address;
    }

    public Uri Address { get; }

    public HttpClient Client { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    public static async Task<ServerProcess> StartAsync()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Orchestrator.sln")))
        {
            root = root.Parent;
        }

        var server = Path.Combine(root?.FullName ?? throw new InvalidOperationException("Run the benchmark from the repository."),
            "src", "Orchestrator.Server", "bin", configuration, "net10.0", "Orchestrator.Server.dll");
        var data = Path.Combine(Path.GetTempPath(), "orchestrator-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(server)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = "Development", ["DOTNET_NOLOGO"] = "1" },
        };
        foreach (var argument in new[]
        {
            server, "--urls", $"http://127.0.0.1:{port}", $"--Orchestrator:DataDirectory={data}", "--Orchestrator:SeedDemoData=false",
            $"--Orchestrator:WorkflowsDirectory={Path.Combine(data, "none")}", "--Logging:LogLevel:Default=Warning",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) Console.Error.WriteLine($"  server: {line}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var running = new ServerProcess(process, data, new Uri($"http://127.0.0.1:{port}"));
        running.Client.BaseAddress = running.Address;
        for (var waited = 0; waited < 600; waited++)
        {
            try
            {
                if ((await running.Client.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return running;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with {process.ExitCode}; is it built ({server})?");
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The server did not answer /health within 60 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
