namespace Orchestrator.Incidents.Errors;

/// <summary>An operation not allowed from the current state (HTTP 409 listing what is allowed).</summary>
public sealed class IllegalTransitionException(string current, string attempted, IReadOnlyList<string> allowed, string message)
    : DomainException(message)
{
    public string Current { get; } = current;

    public string Attempted { get; } = attempted;

    public IReadOnlyList<string> Allowed { get; } = allowed;
}
