namespace Orchestrator.Workflows.Validation;

/// <summary>One problem with a definition: the activity and input at fault (when there is one) and what is wrong.</summary>
public sealed record ValidationError(string? ActivityId, string? Input, string Message)
{
    public override string ToString() =>
        (ActivityId, Input) switch
        {
            (null, null) => Message,
            (_, null) => $"activity '{ActivityId}': {Message}",
            (null, _) => $"{Input}: {Message}",
            _ => $"activity '{ActivityId}', input '{Input}': {Message}",
        };
}
