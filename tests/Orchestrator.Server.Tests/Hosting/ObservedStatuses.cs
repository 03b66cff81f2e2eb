using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace Orchestrator.Server.Tests.Hosting;

/// <summary>
/// Records, for every request a test server answers, its route and status; when the server stops, every answer it gave
/// must be declared in its own OpenAPI document (an API client generated from the document must know every status the
/// API really returns). Installed on every <see cref="OrchestratorServer"/>, so the whole suite checks the document:
/// each server reports what it saw when it stops, and <c>OpenApiStatusesTests</c> — in a collection xunit runs after all
/// the parallel ones — asserts over every report.
/// </summary>
public sealed partial class ObservedStatuses : IStartupFilter
{
    private static readonly List<string> Findings = [];
    private static int _started;
    private static int _reported;

    /// <summary>Servers started and servers that reported so far, and what they found.</summary>
    public static (int Started, int Reported, IReadOnlyList<string> Findings) Summary
    {
        get
        {
            lock (Findings)
            {
                return (_started, _reported, Findings.Distinct().Order(StringComparer.Ordinal).ToList());
            }
        }
    }

    public static void Started() => Interlocked.Increment(ref _started);

    public static void Report(IReadOnlyList<string> undeclared)
    {
        lock (Findings)
        {
            Findings.AddRange(undeclared);
            _reported++;
        }
    }

    /// <summary>Answers no route declares: failures nobody planned (500), and the database being busy (503, any route).</summary>
    private static readonly HashSet<int> Undeclared = [500, 503];

    private readonly ConcurrentDictionary<(string Method, string Path, int Status), string> _seen = new();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, proceed) =>
        {
            // The exception handler clears the endpoint before it writes a problem: remember the one routing matched.
            var matched = new MatchedEndpoint();
            context.Features.Set<IEndpointFeature>(matched);
            await proceed();
            if (matched.First is RouteEndpoint endpoint)
            {
                _seen.TryAdd((context.Request.Method.ToLowerInvariant(), Normalise(endpoint.RoutePattern.RawText ?? string.Empty), context.Response.StatusCode),
                    $"{context.Request.Method} {context.Request.Path}");
            }
        });
        next(app);
    };

    /// <summary>The answers the document does not declare, one line each; empty when it is honest.</summary>
    public IReadOnlyList<string> UndeclaredIn(JsonNode document)
    {
        var paths = document["paths"]!.AsObject();
        return _seen
            .Where(seen => !Undeclared.Contains(seen.Key.Status))
            .Where(seen => paths[seen.Key.Path]?[seen.Key.Method] is JsonObject operation
                && operation["responses"]?[seen.Key.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)] is null)
            .Select(seen => $"{seen.Key.Method.ToUpperInvariant()} {seen.Key.Path} answered {seen.Key.Status} (e.g. {seen.Value}) but does not declare it")
            .OrderBy(line => line, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>"/api/incidents/{id:guid}" → "/api/incidents/{id}", as the document writes paths; no trailing slash.</summary>
    private static string Normalise(string pattern)
    {
        var path = Parameter().Replace(pattern.StartsWith('/') ? pattern : "/" + pattern, "{$1}");
        return path.Length > 1 ? path.TrimEnd('/') : path;
    }

    /// <summary>The endpoint feature routing sets; keeps the first endpoint it was given.</summary>
    private sealed class MatchedEndpoint : IEndpointFeature
    {
        private Endpoint? _endpoint;

        public Endpoint? First { get; private set; }

        public Endpoint? Endpoint
        {
            get => _endpoint;
            set
            {
                _endpoint = value;
                First ??= value;
            }
        }
    }

    [GeneratedRegex(@"\{\*?([^}:=?]+)[^}]*\}")]
    private static partial Regex Parameter();
}
