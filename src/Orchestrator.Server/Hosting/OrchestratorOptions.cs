using Orchestrator.Infrastructure.Persistence;

namespace Orchestrator.Server.Hosting;

/// <summary>Configuration section <c>Orchestrator</c>. See the configuration table in README.md.</summary>
public sealed class OrchestratorOptions
{
    public const string Section = "Orchestrator";

    /// <summary>Where the SQLite database and other local state live; relative paths start at the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Seed realistic demo incidents and a problem into an empty database on start.</summary>
    public bool SeedDemoData { get; set; } = true;

    /// <summary>Definition files loaded at start-up; by default the workflows/ folder copied next to the server.</summary>
    public string? WorkflowsDirectory { get; set; }

    public DatabaseOptions Database { get; set; } = new();

    public IncidentRulesOptions Incidents { get; set; } = new();

    public string ResolveDataDirectory() => Path.GetFullPath(DataDirectory, Directory.GetCurrentDirectory());

    public string ResolveWorkflowsDirectory() =>
        WorkflowsDirectory is { Length: > 0 } directory
            ? Path.GetFullPath(directory, Directory.GetCurrentDirectory())
            : Path.Combine(AppContext.BaseDirectory, "workflows");
}
