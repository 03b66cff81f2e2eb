namespace Orchestrator.Sdk;

/// <summary>How an action ended: the outcome port to follow and its outputs, or a failure with a message.</summary>
public sealed class ActionResult
{
    private ActionResult(string outcome, IReadOnlyDictionary<string, object?> outputs, string? error, bool isPermanent = false)
    {
        Outcome = outcome;
        Outputs = outputs;
        Error = error;
        IsPermanent = isPermanent;
    }

    /// <summary>The port to follow: <c>Done</c>, <c>Failed</c>, or one the action declared with <see cref="OutcomeAttribute"/>.</summary>
    public string Outcome { get; }

    /// <summary>Values for later steps: strings, numbers, booleans, lists and dictionaries of those.</summary>
    public IReadOnlyDictionary<string, object?> Outputs { get; }

    /// <summary>Why the action failed, when it did; recorded in the run's journal.</summary>
    public string? Error { get; }

    /// <summary>Whether trying again cannot help (e.g. the service answered 400, 401, 403 or 404), so the node's retry
    /// policy is not applied: the workflow follows Failed, or the run faults, at once.</summary>
    public bool IsPermanent { get; }

    /// <summary>Finished normally.</summary>
    public static ActionResult Done(IReadOnlyDictionary<string, object?>? outputs = null) => new(Outcomes.Done, outputs ?? Empty, null);

    /// <summary>Finished on one of the action's own outcome ports.</summary>
    public static ActionResult To(string outcome, IReadOnlyDictionary<string, object?>? outputs = null) => new(outcome, outputs ?? Empty, null);

    /// <summary>Did not succeed: the workflow retries under the node's retry policy, then follows Failed (or faults the
    /// run). The outputs are kept, so a Failed branch can read them (e.g. <c>outputs.call.status</c>).</summary>
    public static ActionResult Failed(string error, IReadOnlyDictionary<string, object?>? outputs = null) => new(Outcomes.Failed, outputs ?? Empty, error);

    /// <summary>Did not succeed, and repeating the same call cannot succeed (a 4xx answer, a refused input): like
    /// <see cref="Failed"/>, but the node's retry policy is skipped.</summary>
    public static ActionResult FailedPermanently(string error, IReadOnlyDictionary<string, object?>? outputs = null) =>
        new(Outcomes.Failed, outputs ?? Empty, error, isPermanent: true);

    private static readonly IReadOnlyDictionary<string, object?> Empty = new Dictionary<string, object?>();
}
