namespace Orchestrator.Infrastructure.Persistence;

/// <summary>A counter behind human-facing numbers (INC0001001, PRB0001001): <see cref="Last"/> is the last number handed out.</summary>
public sealed class NumberSequence
{
    public required string Prefix { get; init; }

    public long Last { get; set; }
}
