namespace Orchestrator.Workflows.Descriptors;

/// <summary>
/// Describes an activity type to the designer and the validator: its inputs, outputs and outcome ports. Built-in
/// activities and plugin actions produce the same descriptors; the toolbox and property panel are generated from them.
/// </summary>
public sealed record ActivityDescriptor
{
    /// <summary>The type name used in definitions, e.g. <c>Decision</c> or <c>pagerduty.Trigger</c>.</summary>
    public required string Type { get; init; }

    public required string Category { get; init; }

    public required string DisplayName { get; init; }

    public required string Description { get; init; }

    public IReadOnlyList<InputDescriptor> Inputs { get; init; } = [];

    public IReadOnlyList<OutputDescriptor> Outputs { get; init; } = [];

    /// <summary>The outcome ports every node of this type has. <see cref="OutcomesFromInput"/> may add more per node.</summary>
    public IReadOnlyList<string> Outcomes { get; init; } = [Ports.Done];

    /// <summary>When set, the named input adds ports per node: Switch's case names, Approval's options.</summary>
    public string? OutcomesFromInput { get; init; }

    /// <summary>True when the activity may suspend the run (timers, events, people): a cycle through it can wait.</summary>
    public bool CanSuspend { get; init; }

    /// <summary>True when the activity calls the outside world: it runs off the instance's turn, after a commit,
    /// with an idempotency key.</summary>
    public bool HasSideEffects { get; init; }
}
