using Orchestrator.Server.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddOrchestrator();

var app = builder.Build();
app.MapOrchestrator();

await app.PrepareDatabaseAsync();
await app.RunAsync();

/// <summary>The server's entry point; public so integration tests can host it.</summary>
public partial class Program;
