using Orchestrator.Workflows.Runtime.Instances;

namespace Orchestrator.Workflows.Activities;

/// <summary>What running an activity produced: outcome ports to follow with outputs, a bookmark to wait on, or a fault.</summary>
public sealed record ActivityResult
{
    private static readonly IReadOnlyDictionary<string, object?> NoOutputs = new Dictionary<string, object?>();

    private ActivityResult()
    {
    }

    public IReadOnlyList<string> Outcomes { get; private init; } = [];

    public IReadOnlyDictionary<string, object?> Outputs { get; private init; } = NoOutputs;

    public BookmarkRequest? Bookmark { get; private init; }

    public string? Error { get; private init; }

    /// <summary>Set with <see cref="Error"/> when retrying cannot help: the node's retry policy is skipped.</summary>
    public bool IsPermanent { get; private init; }

    /// <summary>For an outcome that a flow may leave unhandled (a refusal): the fault raised instead when the node has no
    /// connection from the outcome's port.</summary>
    public string? ErrorIfUnconnected { get; private init; }

    public bool IsSuspended => Bookmark is not null;

    public bool IsFaulted => Error is not null;

    public static ActivityResult Done(IReadOnlyDictionary<string, object?>? outputs = null) =>
        Outcome(Descriptors.Ports.Done, outputs);

    public static ActivityResult Outcome(string port, IReadOnlyDictionary<string, object?>? outputs = null) =>
        new() { Outcomes = [port], Outputs = outputs ?? NoOutputs };

    /// <summary>Takes <paramref name="port"/> when the flow handles it; otherwise the run fails with <paramref name="error"/>
    /// (not retried): a TransitionIncident the lifecycle refuses follows Refused, or faults the run with the reason.</summary>
    public static ActivityResult Refusal(string port, string error, IReadOnlyDictionary<string, object?>? outputs = null) =>
        new() { Outcomes = [port], Outputs = outputs ?? NoOutputs, ErrorIfUnconnected = error };

    public static ActivityResult Suspend(BookmarkRequest bookmark) => new() { Bookmark = bookmark };

    public static ActivityResult Fault(string error) => new() { Error = error };

    /// <summary>A fault that keeps what the activity produced (an HTTP status and body, say) for a Failed branch to read.</summary>
    public static ActivityResult Fault(string error, IReadOnlyDictionary<string, object?>? outputs, bool permanent = false) =>
        new() { Error = error, Outputs = outputs ?? NoOutputs, IsPermanent = permanent };
}
