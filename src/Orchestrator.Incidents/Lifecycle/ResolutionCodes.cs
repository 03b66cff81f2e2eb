namespace Orchestrator.Incidents.Lifecycle;

/// <summary>The resolution codes an incident may be resolved with (configurable; ITIL's usual set by default).</summary>
public sealed class ResolutionCodes
{
    public static readonly IReadOnlyList<string> DefaultCodes =
        ["Fixed", "Workaround", "NotReproducible", "ResolvedByCaller", "Duplicate", "NotAnIncident"];

    private readonly string[] _codes;

    public ResolutionCodes(IEnumerable<string> codes)
    {
        _codes = codes.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        if (_codes.Length == 0)
        {
            throw new ArgumentException("At least one resolution code is required.", nameof(codes));
        }
    }

    public static ResolutionCodes Default { get; } = new(DefaultCodes);

    public IReadOnlyList<string> All => _codes;

    /// <summary>Finds the configured spelling of <paramref name="code"/> (case-insensitive), or null when unknown.</summary>
    public string? Find(string code) =>
        _codes.FirstOrDefault(c => string.Equals(c, code.Trim(), StringComparison.OrdinalIgnoreCase));
}
