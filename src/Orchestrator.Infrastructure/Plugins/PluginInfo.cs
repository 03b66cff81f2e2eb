namespace Orchestrator.Infrastructure.Plugins;

/// <summary>A plugin as <c>GET /api/plugins</c> shows it: loaded with its action types, or failed with the reason.</summary>
public sealed record PluginInfo(string Id, string Name, string Version, string Status, string? Error, IReadOnlyList<string> Actions, string Directory, DateTimeOffset LoadedAt)
{
    public const string Loaded = "Loaded";
    public const string Failed = "Failed";
}
