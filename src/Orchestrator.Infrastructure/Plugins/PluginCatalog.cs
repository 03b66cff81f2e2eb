using System.Reflection;
using System.Text.Json;
using McMaster.NETCore.Plugins;
using Microsoft.Extensions.Logging;
using Orchestrator.Sdk;
using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Descriptors;

namespace Orchestrator.Infrastructure.Plugins;

/// <summary>
/// The activity types a definition may use: the built-ins plus the actions of every plugin folder that loads. Each
/// plugin gets its own load context sharing only the SDK (McMaster.NETCore.Plugins), is watched for a rebuilt assembly,
/// and is swapped without a restart (runs in progress finish on the old code). A plugin that fails to load is
/// reported with the reason and skipped; the others load.
/// </summary>
public sealed class PluginCatalog : IActivityRegistry, IDisposable
{
    private static readonly Type[] SharedTypes =
    [
        typeof(IAction), typeof(ActionContext), typeof(ActionResult), typeof(ActionAttribute), typeof(InputAttribute),
        typeof(OutputAttribute), typeof(OutcomeAttribute), typeof(Microsoft.Extensions.Logging.ILogger),
    ];

    private static readonly JsonSerializerOptions ManifestJson = new(JsonSerializerDefaults.Web);

    private readonly IReadOnlyList<IActivity> _builtIn;
    private readonly Func<string, HttpClient> _httpClients;
    private readonly Func<string, CancellationToken, ValueTask<string?>> _secrets;
    private readonly ILogger<PluginCatalog> _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (PluginLoader? Loader, PluginInfo Info, IReadOnlyList<IActivity> Actions)> _plugins = new(StringComparer.Ordinal);
    private Snapshot _snapshot;

    /// <param name="builtIn">The built-in activities.</param>
    /// <param name="httpClients">Creates the HTTP clients actions use.</param>
    /// <param name="secrets">Reads a secret's value by name for actions.</param>
    /// <param name="logger">Where load results and failures go.</param>
    public PluginCatalog(IEnumerable<IActivity> builtIn, Func<string, HttpClient> httpClients, Func<string, CancellationToken, ValueTask<string?>> secrets,
        ILogger<PluginCatalog> logger)
    {
        _builtIn = builtIn.ToList();
        _httpClients = httpClients;
        _secrets = secrets;
        _logger = logger;
        _snapshot = BuildSnapshot();
    }

    /// <summary>The SDK major version this host runs; plugins built for another major version are refused.</summary>
    public static int SdkMajorVersion => typeof(IAction).Assembly.GetName().Version!.Major;

    public IReadOnlyList<ActivityDescriptor> Descriptors => _snapshot.Descriptors;

    public IReadOnlyList<PluginInfo> Plugins
    {
        get
        {
            lock (_gate)
            {
                return _plugins.Values.Select(p => p.Info).OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
            }
        }
    }

    public IActivity? Find(string type) => _snapshot.ByType.GetValueOrDefault(type);

    /// <summary>(Re)loads every plugin folder under <paramref name="directory"/> (a folder with a plugin.json).</summary>
    public IReadOnlyList<PluginInfo> LoadAll(string directory)
    {
        lock (_gate)
        {
            foreach (var (loader, _, _) in _plugins.Values)
            {
                loader?.Dispose();
            }

            _plugins.Clear();
            if (Directory.Exists(directory))
            {
                foreach (var folder in Directory.EnumerateDirectories(directory).Order(StringComparer.Ordinal))
                {
                    if (File.Exists(Path.Combine(folder, "plugin.json")))
                    {
                        Load(Path.GetFullPath(folder));
                    }
                }
            }
            else
            {
                _logger.LogInformation("No plugins directory at {Directory}", directory);
            }

            _snapshot = BuildSnapshot();
            return _plugins.Values.Select(p => p.Info).OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var (loader, _, _) in _plugins.Values)
            {
                loader?.Dispose();
            }

            _plugins.Clear();
        }
    }

    private void Load(string folder)
    {
        var fallbackId = Path.GetFileName(folder);
        PluginManifest? manifest = null;
        try
        {
            manifest = JsonSerializer.Deserialize<PluginManifest>(File.ReadAllText(Path.Combine(folder, "plugin.json")), ManifestJson);
            var problem = ManifestProblem(manifest, folder);
            if (problem is not null)
            {
                Fail(folder, manifest, fallbackId, problem);
                return;
            }

            var loader = PluginLoader.CreateFromAssemblyFile(Path.Combine(folder, manifest!.Assembly!), SharedTypes, config =>
            {
                config.IsUnloadable = true;
                config.EnableHotReload = true;
            });
            Register(manifest, folder, loader);
            var id = manifest.Id!;
            loader.Reloaded += (_, _) => Reloaded(id, manifest, folder, loader);
        }
        catch (Exception e) when (e is JsonException or IOException or BadImageFormatException or ReflectionTypeLoadException or TypeLoadException or FileLoadException or InvalidOperationException or ArgumentException)
        {
            Fail(folder, manifest, fallbackId, $"{e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>Reads the actions of the plugin's (re)loaded assembly and publishes them.</summary>
    private void Register(PluginManifest manifest, string folder, PluginLoader loader)
    {
        var actions = ActionsOf(manifest.Id!, loader.LoadDefaultAssembly());
        var info = new PluginInfo(manifest.Id!, manifest.Name ?? manifest.Id!, manifest.Version ?? "0.0.0", PluginInfo.Loaded, null,
            actions.Select(a => a.Descriptor.Type).ToList(), folder, DateTimeOffset.UtcNow);
        _plugins[manifest.Id!] = (loader, info, actions);
        _logger.LogInformation("Plugin {PluginId} {Version} loaded with {Count} action(s): {Actions}", info.Id, info.Version, actions.Count, string.Join(", ", info.Actions));
    }

    /// <summary>The plugin's assembly changed on disk and McMaster swapped its load context: pick up the new actions.
    /// Runs in progress keep the action objects they started with.</summary>
    private void Reloaded(string id, PluginManifest manifest, string folder, PluginLoader loader)
    {
        lock (_gate)
        {
            if (!_plugins.TryGetValue(id, out var current) || !ReferenceEquals(current.Loader, loader))
            {
                return; // replaced meanwhile by a full reload
            }

            try
            {
                Register(manifest, folder, loader);
            }
            catch (Exception e) when (e is IOException or BadImageFormatException or ReflectionTypeLoadException or TypeLoadException or FileLoadException or InvalidOperationException)
            {
                _plugins[id] = (loader, current.Info with { Status = PluginInfo.Failed, Error = $"{e.GetType().Name}: {e.Message}", Actions = [], LoadedAt = DateTimeOffset.UtcNow }, []);
                _logger.LogError(e, "Plugin {PluginId} failed to reload", id);
            }

            _snapshot = BuildSnapshot();
        }
    }

    private List<IActivity> ActionsOf(string pluginId, Assembly assembly)
    {
        var types = assembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IAction).IsAssignableFrom(t) && t.GetCustomAttribute<ActionAttribute>() is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToList();
        if (types.Count == 0)
        {
            throw new InvalidOperationException($"{assembly.GetName().Name} has no public IAction class marked [Action].");
        }

        return types.Select(t => (IActivity)new PluginActionActivity(pluginId, t, _httpClients, _secrets)).ToList();
    }

    private static string? ManifestProblem(PluginManifest? manifest, string folder)
    {
        if (manifest is null)
        {
            return "plugin.json is empty.";
        }

        if (string.IsNullOrWhiteSpace(manifest.Id) || !manifest.Id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_'))
        {
            return $"plugin.json: id '{manifest.Id}' must be lowercase letters, digits, '-' or '_'.";
        }

        if (string.IsNullOrWhiteSpace(manifest.Assembly))
        {
            return "plugin.json: assembly (the main DLL) is required.";
        }

        if (!File.Exists(Path.Combine(folder, manifest.Assembly)))
        {
            return $"The assembly {manifest.Assembly} named in plugin.json is missing from {folder}.";
        }

        var major = new string((manifest.SdkVersion ?? string.Empty).TrimStart('^', '~', '>', '=', ' ').TakeWhile(char.IsAsciiDigit).ToArray());
        return int.TryParse(major, out var wanted) && wanted == SdkMajorVersion
            ? null
            : $"plugin.json: sdkVersion '{manifest.SdkVersion}' is not compatible with this host's SDK {SdkMajorVersion}.x.";
    }

    private void Fail(string folder, PluginManifest? manifest, string fallbackId, string reason)
    {
        var id = string.IsNullOrWhiteSpace(manifest?.Id) ? fallbackId : manifest.Id;
        _plugins[id] = (null, new PluginInfo(id, manifest?.Name ?? id, manifest?.Version ?? "?", PluginInfo.Failed, reason, [], folder, DateTimeOffset.UtcNow), []);
        _logger.LogError("Plugin in {Folder} was not loaded: {Reason}", folder, reason);
    }

    private Snapshot BuildSnapshot()
    {
        var byType = new Dictionary<string, IActivity>(StringComparer.Ordinal);
        foreach (var activity in _builtIn.Concat(_plugins.Values.SelectMany(p => p.Actions)))
        {
            byType.TryAdd(activity.Descriptor.Type, activity);
        }

        return new Snapshot(byType, byType.Values.Select(a => a.Descriptor).OrderBy(d => d.Category).ThenBy(d => d.DisplayName).ToList());
    }

    private sealed record Snapshot(IReadOnlyDictionary<string, IActivity> ByType, IReadOnlyList<ActivityDescriptor> Descriptors);
}
