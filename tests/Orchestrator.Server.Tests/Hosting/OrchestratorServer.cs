using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Runtime.Dispatch;

namespace Orchestrator.Server.Tests.Hosting;

/// <summary>
/// The real server on a loopback port with a real database: a SQLite file in a temp folder or a fresh PostgreSQL
/// database. Dispose stops it; <see cref="RestartAsync"/> starts a new process-equivalent on the same data.
/// </summary>
public sealed class OrchestratorServer : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly ObservedStatuses _statuses = new();
    private WebApplicationFactory<Program> _factory;

    private OrchestratorServer(TestDatabase database, IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services)
    {
        _database = database;
        _settings = settings;
        _services = services;
        _factory = Start();
        Client = CreateClient();
        ObservedStatuses.Started(); // a server that failed to start has nothing to report
    }

    public HttpClient Client { get; private set; }

    /// <summary>The running server's services (the dispatcher, the Quartz scheduler…), for what the API does not show.</summary>
    public IServiceProvider Services => _factory.Services;

    public string DataDirectory => _database.DataDirectory;

    public string ConnectionString => _database.ConnectionString;

    /// <summary>
    /// Completes once everything set in motion has settled: no turn queued or running, no action running and no due
    /// timer being resumed (<see cref="WorkflowDispatcher.WhenIdleAsync"/>). Assert "nothing more happens" after this,
    /// never after a sleep. Fails the test when the runtime does not settle within <paramref name="timeout"/> (10 s).
    /// </summary>
    public async Task WhenIdleAsync(TimeSpan? timeout = null)
    {
        var within = timeout ?? TimeSpan.FromSeconds(10);
        try
        {
            await _factory.Services.GetRequiredService<WorkflowDispatcher>().WhenIdleAsync(CancellationToken.None).WaitAsync(within);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The workflow runtime did not settle within {within.TotalSeconds:0} s (a turn or an action is still running).");
        }
    }

    /// <param name="database">The database the server owns for the test.</param>
    /// <param name="settings">Configuration values to add (e.g. <c>Orchestrator:SeedDemoData</c>).</param>
    /// <param name="services">Registrations to add or replace (e.g. extra activity types).</param>
    public static async Task<OrchestratorServer> StartAsync(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        await database.CreateAsync();
        return new OrchestratorServer(database, settings ?? new Dictionary<string, string?>(), services);
    }

    /// <summary>A server on a fresh SQLite database whose activity types are the built-ins, <paramref name="extra"/> and the plugins' actions.</summary>
    public static Task<OrchestratorServer> StartWithActivitiesAsync(params IActivity[] extra) =>
        StartAsync(TestDatabase.Sqlite(), services: s =>
        {
            foreach (var activity in extra)
            {
                s.AddSingleton(activity);
            }
        });

    /// <summary>Stops the server and starts a new one on the same database, as a restart would; <paramref name="whileStopped"/>
    /// runs in between (e.g. to put the database in the state an earlier version left it in).</summary>
    public async Task RestartAsync(Func<Task>? whileStopped = null)
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        if (whileStopped is not null)
        {
            await whileStopped();
        }

        _factory = Start();
        Client = CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        ObservedStatuses.Report(await UndeclaredStatusesAsync());
        Client.Dispose();
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>Answers this server gave that its OpenAPI document does not declare (see <see cref="ObservedStatuses"/>).</summary>
    private async Task<IReadOnlyList<string>> UndeclaredStatusesAsync()
    {
        try
        {
            var document = System.Text.Json.Nodes.JsonNode.Parse(await Client.GetStringAsync("/openapi/v1.json"))!;
            return _statuses.UndeclaredIn(document);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or ObjectDisposedException)
        {
            return []; // a server a test stopped on purpose has no document to compare with
        }
    }

    private WebApplicationFactory<Program> Start()
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing");
            // Serve the framework's and packages' static files (blazor.web.js, MudBlazor) from the build, as
            // `dotnet run` does in Development; a published server has them in its wwwroot.
            web.UseStaticWebAssets();
            web.UseSetting("Orchestrator:DataDirectory", _database.DataDirectory);
            web.UseSetting("Orchestrator:SeedDemoData", "false");
            web.UseSetting("Orchestrator:Database:Provider", _database.Provider);
            web.UseSetting("Orchestrator:Database:ConnectionString", _database.ConnectionString);
            // No shipped workflow files unless a test asks for them: the shipped lifecycle would start a run for every
            // incident a test records. The shipped templates stay.
            web.UseSetting("Orchestrator:WorkflowsDirectory", Path.Combine(_database.DataDirectory, "no-workflow-files"));
            web.UseSetting("Orchestrator:TemplatesDirectory", Path.Combine(AppContext.BaseDirectory, "workflows", "templates"));
            foreach (var (key, value) in _settings)
            {
                web.UseSetting(key, value);
            }

            web.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
            web.ConfigureServices(services => services.AddSingleton<IStartupFilter>(_statuses));
            if (_services is not null)
            {
                web.ConfigureServices(_services);
            }
        });
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        return factory;
    }

    private HttpClient CreateClient()
    {
        var client = _factory.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(60);
        return client;
    }
}
