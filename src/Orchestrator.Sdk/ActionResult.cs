namespace Orchestrator.Sdk;

/// <summary>How an action ended: the outcome port to follow and its outputs, or a failure with a message.</summary>
public sealed class ActionResult
{
    private ActionResult(string outcome, IReadOnlyDictionary<string, object?> outputs, string? error)
    {
        Outcome = outcome;
        Outputs = outputs;
        Error = error;
    }

    /// <summary>The port to follow: <c>Done</c>, <c>Failed</c>, or one the action declared with <see cref="OutcomeAttribute"/>.</summary>
    public string Outcome { get; }

    /// <summary>Values for later steps: strings, numbers, booleans, lists and dictionaries of those.</summary>
    public IReadOnlyDictionary<string, object?> Outputs { get; }

    /// <summary>Why the action failed, when it did; recorded in the run's journal.</summary>
    public string? Error { get; }

    /// <summary>Finished normally.</summary>
    public static ActionResult Done(IReadOnlyDictionary<string, object?>? outputs = null) => new(Outcomes.Done, outputs ?? Empty, null);

    /// <summary>Finished on one of the action's own outcome ports.</summary>
    public static ActionResult To(string outcome, IReadOnlyDictionary<string, object?>? outputs = null) => new(outcome, outputs ?? Empty, null);

    /// <summary>Did not succeed: the workflow follows Failed (or retries, or faults the run).</summary>
    public static ActionResult Failed(string error, IReadOnlyDictionary<string, object?>? outputs = null) => new(Outcomes.Failed, outputs ?? Empty, error);

    private static readonly IReadOnlyDictionary<string, object?> Empty = new Dictionary<string, object?>();
}
