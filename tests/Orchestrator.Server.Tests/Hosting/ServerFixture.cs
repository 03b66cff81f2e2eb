namespace Orchestrator.Server.Tests.Hosting;

/// <summary>One server per test class and provider, shared by the class's tests (each test makes its own incidents).</summary>
public abstract class ServerFixture(string provider) : IAsyncLifetime
{
    private OrchestratorServer? _server;

    public string Provider { get; } = provider;

    public OrchestratorServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public HttpClient Client => Server.Client;

    public bool Enabled => Provider != "PostgreSql" || TestDatabase.PostgresConnectionString is not null;

    public async Task InitializeAsync()
    {
        if (Enabled)
        {
            _server = await OrchestratorServer.StartAsync(TestDatabase.For(Provider));
        }
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

public sealed class SqliteServerFixture() : ServerFixture("Sqlite");

public sealed class PostgreSqlServerFixture() : ServerFixture("PostgreSql");
