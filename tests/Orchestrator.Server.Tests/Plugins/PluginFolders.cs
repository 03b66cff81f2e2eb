namespace Orchestrator.Server.Tests.Plugins;

/// <summary>A temp plugins directory for a test: copies of the plugins the build produced, plus broken ones made on purpose.</summary>
public sealed class PluginFolders : IDisposable
{
    public PluginFolders()
    {
        Directory.CreateDirectory(Root);
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "orchestrator-plugins", Guid.NewGuid().ToString("N"));

    /// <summary>artifacts/plugins of this repository, where the build puts the folders built from plugins/.</summary>
    public static string Built
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Orchestrator.sln")))
            {
                folder = folder.Parent;
            }

            return Path.Combine(folder?.FullName ?? throw new InvalidOperationException("Orchestrator.sln not found."), "artifacts", "plugins");
        }
    }

    /// <summary>Copies a built plugin folder; optionally rewrites its plugin.json.</summary>
    public string CopyBuilt(string pluginId, string? asFolder = null, Func<string, string>? manifest = null)
    {
        var source = Path.Combine(Built, pluginId);
        var target = Path.Combine(Root, asFolder ?? pluginId);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        if (manifest is not null)
        {
            var path = Path.Combine(target, "plugin.json");
            File.WriteAllText(path, manifest(File.ReadAllText(path)));
        }

        return target;
    }

    public string Write(string folder, string manifestJson, params (string Name, byte[] Content)[] files)
    {
        var target = Path.Combine(Root, folder);
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "plugin.json"), manifestJson);
        foreach (var (name, content) in files)
        {
            File.WriteAllBytes(Path.Combine(target, name), content);
        }

        return target;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
