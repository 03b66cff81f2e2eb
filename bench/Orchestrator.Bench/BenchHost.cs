using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orchestrator.Server.Hosting;
using Orchestrator.Workflows.Definitions;
using Orchestrator.Workflows.Runtime;
using Orchestrator.Workflows.Runtime.Events;

namespace Orchestrator.Bench;

/// <summary>The real server (SQLite file in a temp folder, Quartz, dispatcher) started in-process without HTTP.</summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BenchHost(WebApplication app, string dataDirectory)
    {
        _app = app;
        DataDirectory = dataDirectory;
    }

    public string DataDirectory { get; }

    public IServiceProvider Services => _app.Services;

    public WorkflowEventHub Events => Services.GetRequiredService<WorkflowEventHub>();

    /// <summary>The server's HTTP address, e.g. http://127.0.0.1:41234.</summary>
    public Uri BaseAddress => new(_app.Urls.First());

    public static async Task<BenchHost> StartAsync(Action<IServiceCollection>? services = null)
    {
        var data = Path.Combine(Path.GetTempPath(), "orchestrator-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // The server's static web assets manifest is named after it, not after this harness.
            ApplicationName = typeof(OrchestratorEndpoints).Assembly.GetName().Name,
            Args =
            [
            $"--Orchestrator:DataDirectory={data}",
            "--Orchestrator:SeedDemoData=false",
            $"--Orchestrator:WorkflowsDirectory={Path.Combine(data, "none")}",
            "--Logging:LogLevel:Default=Warning",
            "--urls=http://127.0.0.1:0",
            .. (Environment.GetEnvironmentVariable("BENCH_LOG") is { Length: > 0 } category ? [$"--Logging:LogLevel:{category}=Debug"] : Array.Empty<string>()),
            ],
        });
        builder.AddOrchestrator();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapOrchestrator();
        await app.PrepareDatabaseAsync();
        await app.StartAsync();
        return new BenchHost(app, data);
    }

    public async Task PublishAsync(string json)
    {
        await using var scope = Services.CreateAsyncScope();
        var definitions = scope.ServiceProvider.GetRequiredService<WorkflowDefinitionService>();
        var created = await definitions.CreateAsync(WorkflowJson.Deserialize(json), CancellationToken.None);
        await definitions.PublishAsync(created.Definition.DefinitionId, created.Definition.Version, CancellationToken.None);
    }

    public async Task<string> RunAsync(string definitionId, string? correlationId = null, JsonObject? input = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var instance = await scope.ServiceProvider.GetRequiredService<WorkflowOperations>().RunAsync(definitionId, input, correlationId, CancellationToken.None);
        return instance.Id;
    }

    public async Task SendEventAsync(string name, string correlationId)
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WorkflowOperations>().SendEventAsync(name, correlationId, null, null, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
