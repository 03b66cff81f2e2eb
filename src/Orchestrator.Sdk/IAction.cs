namespace Orchestrator.Sdk;

/// <summary>
/// A step a workflow can take in the outside world: restart a service, page someone, open a ticket, call an API.
/// Describe it with <see cref="ActionAttribute"/>, <see cref="InputAttribute"/>, <see cref="OutputAttribute"/> and
/// <see cref="OutcomeAttribute"/>; the host creates a new instance for every execution.
/// </summary>
public interface IAction
{
    /// <summary>Does the work. Throwing, or returning <see cref="ActionResult.Failed"/>, follows the workflow's Failed port.</summary>
    Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken);
}
