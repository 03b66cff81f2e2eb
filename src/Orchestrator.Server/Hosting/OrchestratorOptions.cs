using Microsoft.Extensions.Options;
using Orchestrator.Infrastructure.Persistence;

namespace Orchestrator.Server.Hosting;

/// <summary>Configuration section <c>Orchestrator</c>. See the configuration table in README.md.</summary>
public sealed class OrchestratorOptions
{
    public const string Section = "Orchestrator";

    /// <summary>The section as configured (defaults where it is absent), checked by <see cref="OrchestratorOptionsValidator"/>.
    /// Registration reads it once this way because it decides what is registered (which database, which folders) —
    /// before <c>IOptions</c> exists; everything after start-up asks for <c>IOptions&lt;OrchestratorOptions&gt;</c>.</summary>
    /// <exception cref="OptionsValidationException">A setting is missing, malformed or out of range; the message names it.</exception>
    public static OrchestratorOptions From(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        OrchestratorOptions options;
        try
        {
            options = configuration.GetSection(Section).Get<OrchestratorOptions>() ?? new OrchestratorOptions();
        }
        catch (InvalidOperationException e)
        {
            // The binder's own words name the key and the type ("Failed to convert configuration value at '…' to type '…'").
            throw new OptionsValidationException(Section, typeof(OrchestratorOptions), [e.Message]);
        }

        var result = new OrchestratorOptionsValidator().Validate(null, options);
        return result.Failed ? throw new OptionsValidationException(Section, typeof(OrchestratorOptions), result.Failures) : options;
    }

    /// <summary>Where the SQLite database and other local state live; relative paths start at the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Seed realistic demo incidents and a problem into an empty database on start.</summary>
    public bool SeedDemoData { get; set; } = true;

    /// <summary>Definition files loaded at start-up; by default the workflows/ folder copied next to the server.</summary>
    public string? WorkflowsDirectory { get; set; }

    /// <summary>The shipped templates (<c>&lt;name&gt;.md</c>); by default <c>templates/</c> of the workflows directory.</summary>
    public string? TemplatesDirectory { get; set; }

    /// <summary>Plugin folders (each with a plugin.json); by default artifacts/plugins of the repository, where the
    /// build puts the folders built from plugins/, else plugins/ next to the server.</summary>
    public string? PluginsDirectory { get; set; }

    public DatabaseOptions Database { get; set; } = new();

    public IncidentRulesOptions Incidents { get; set; } = new();

    public string ResolveDataDirectory() => Path.GetFullPath(DataDirectory, Directory.GetCurrentDirectory());

    public string ResolvePluginsDirectory()
    {
        if (PluginsDirectory is { Length: > 0 } directory)
        {
            return Path.GetFullPath(directory, Directory.GetCurrentDirectory());
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Orchestrator.sln")))
            {
                return Path.Combine(folder.FullName, "artifacts", "plugins");
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "plugins");
    }

    public string ResolveTemplatesDirectory() =>
        TemplatesDirectory is { Length: > 0 } directory
            ? Path.GetFullPath(directory, Directory.GetCurrentDirectory())
            : Path.Combine(ResolveWorkflowsDirectory(), "templates");

    public string ResolveWorkflowsDirectory() =>
        WorkflowsDirectory is { Length: > 0 } directory
            ? Path.GetFullPath(directory, Directory.GetCurrentDirectory())
            : Path.Combine(AppContext.BaseDirectory, "workflows");
}
