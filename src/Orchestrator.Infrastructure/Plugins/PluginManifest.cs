namespace Orchestrator.Infrastructure.Plugins;

/// <summary>
/// <c>plugin.json</c> in a plugin's folder: <c>{ id, name, version, description, sdkVersion, assembly }</c>. The id
/// prefixes its actions' types (<c>http.Request</c>); <c>sdkVersion</c> is the SDK major version it was built for
/// (<c>"1"</c> or <c>"1.x"</c>); <c>assembly</c> is the main DLL, relative to the folder.
/// </summary>
public sealed record PluginManifest(string? Id, string? Name, string? Version, string? Description, string? SdkVersion, string? Assembly);
