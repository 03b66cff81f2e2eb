using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Orchestrator.Infrastructure.Plugins;
using Orchestrator.Server.Api.Errors;
using Orchestrator.Server.Hosting;

namespace Orchestrator.Server.Api;

/// <summary><c>GET /api/plugins</c> and <c>POST /api/plugins/reload</c>: which plugins loaded, which failed and why.</summary>
public static class PluginsApi
{
    public static IEndpointRouteBuilder MapPluginsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/plugins", List).WithTags("Plugins").WithSummary("Plugins with their status and action types");
        app.MapPost("/api/plugins/reload", Reload).WithTags("Plugins").WithSummary("Load the plugin folders again").Answers(400);
        return app;
    }

    private static Ok<List<PluginResponse>> List(PluginCatalog catalog) =>
        TypedResults.Ok(catalog.Plugins.Select(PluginResponse.From).ToList());

    private static Ok<List<PluginResponse>> Reload(PluginCatalog catalog, IOptions<OrchestratorOptions> options) =>
        TypedResults.Ok(catalog.LoadAll(options.Value.ResolvePluginsDirectory()).Select(PluginResponse.From).ToList());
}

/// <summary><c>{ id, name, version, status, error?, actions, loadedAt }</c>.</summary>
public sealed record PluginResponse(string Id, string Name, string Version, string Status, string? Error, IReadOnlyList<string> Actions, DateTimeOffset LoadedAt)
{
    public static PluginResponse From(PluginInfo p) => new(p.Id, p.Name, p.Version, p.Status, p.Error, p.Actions, p.LoadedAt);
}
