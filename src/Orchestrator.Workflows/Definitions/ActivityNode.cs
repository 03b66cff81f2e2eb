namespace Orchestrator.Workflows.Definitions;

/// <summary>One activity on the flowchart: its type, input values or expressions, retry policy, time-out and canvas position.</summary>
public sealed record ActivityNode
{
    public string Id { get; init; } = string.Empty;

    public string Type { get; init; } = string.Empty;

    public string? Name { get; init; }

    public IReadOnlyDictionary<string, InputValue> Inputs { get; init; } = new Dictionary<string, InputValue>();

    public RetryPolicy? Retry { get; init; }

    public int? TimeoutSeconds { get; init; }

    public CanvasPosition? Position { get; init; }
}
