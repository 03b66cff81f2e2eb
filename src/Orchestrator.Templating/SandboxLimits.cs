namespace Orchestrator.Templating;

/// <summary>The limits every expression and template runs under; hostile or buggy scripts stop with a <see cref="ScriptException"/>.</summary>
public sealed record SandboxLimits
{
    /// <summary>The limits used when none are given: generous for real templates, tight enough to stop runaway scripts.</summary>
    public static SandboxLimits Default { get; } = new();

    /// <summary>Loop iterations allowed per run, counted across nested loops and ranges (Scriban's <c>LoopLimit</c>).</summary>
    public int LoopLimit { get; init; } = 1000;

    /// <summary>Depth of nested function calls allowed (Scriban's <c>RecursiveLimit</c>).</summary>
    public int RecursiveLimit { get; init; } = 50;

    /// <summary>Largest string, in UTF-16 characters, a script may build or convert (Scriban's <c>LimitToString</c>).</summary>
    public int StringLimit { get; init; } = 100_000;

    /// <summary>Largest rendered output, in UTF-16 characters (Scriban's <c>OutputLimit</c>).</summary>
    public int OutputLimit { get; init; } = 1_000_000;

    /// <summary>Wall-clock time one evaluation or render may take.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Time one regular-expression call of a built-in function may take.</summary>
    public TimeSpan RegexTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Throws when a limit is zero or negative: the sandbox never runs unlimited.</summary>
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(LoopLimit);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(RecursiveLimit);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(StringLimit);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(OutputLimit);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(TimeLimit, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RegexTimeout, TimeSpan.Zero);
    }
}
