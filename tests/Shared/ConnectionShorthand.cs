using System.Text.Json.Nodes;

namespace Orchestrator.Tests.Shared;

/// <summary>The one parser of the connection shorthand that test definitions are written in: <c>"a -> b"</c> (from a's
/// default port, Done) or <c>"a.True -> b"</c>. Linked into every test project that builds definitions.</summary>
public static class ConnectionShorthand
{
    /// <summary>The connection as definition JSON; without <c>.Port</c> the source port is left out, so the default applies.</summary>
    public static JsonObject Parse(string text)
    {
        var parts = text.Split("->", StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            throw new ArgumentException($"A connection is written \"source[.Port] -> target\", not \"{text}\".", nameof(text));
        }

        var dot = parts[0].IndexOf('.', StringComparison.Ordinal);
        var source = new JsonObject { ["activity"] = dot < 0 ? parts[0] : parts[0][..dot] };
        if (dot >= 0)
        {
            source["port"] = parts[0][(dot + 1)..];
        }

        return new JsonObject { ["source"] = source, ["target"] = new JsonObject { ["activity"] = parts[1] } };
    }
}
