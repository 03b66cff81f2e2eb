using System.Collections.Concurrent;
using Scriban.Parsing;

namespace Orchestrator.Templating;

/// <summary>Keeps recently parsed scripts so that workflow expressions evaluated over and over are parsed once.</summary>
internal sealed class ParsedScriptCache(ScriptMode mode)
{
    // Bounded so that endless distinct scripts (e.g. previews while typing) cannot grow memory without end.
    private const int Capacity = 1024;
    private const int LongestCachedText = 64 * 1024;

    private readonly ConcurrentDictionary<string, ParsedScript> _entries = new(StringComparer.Ordinal);

    public ParsedScript Get(string text)
    {
        if (_entries.TryGetValue(text, out var cached))
        {
            return cached;
        }

        var parsed = ParsedScript.Parse(text, mode);
        if (text.Length <= LongestCachedText)
        {
            if (_entries.Count >= Capacity)
            {
                _entries.Clear();
            }

            _entries.TryAdd(text, parsed);
        }

        return parsed;
    }
}
