using Orchestrator.Sdk;

namespace Orchestrator.Plugins.PagerDuty;

/// <summary>Acknowledges a PagerDuty alert by its dedup key.</summary>
[Action("Acknowledge", DisplayName = "PagerDuty: acknowledge", Category = "Paging", Description = "Acknowledges the alert with this dedup key.")]
[Input("routingKeySecret", Kind = InputKind.Secret, Required = true)]
[Input("dedupKey", Required = true, Description = "The dedup key the trigger returned, e.g. outputs.page.dedupKey.")]
[Input("baseUrl", DefaultJson = "\"https://events.pagerduty.com\"")]
[Output("dedupKey")]
[Output("status")]
[Output("message")]
public sealed class AcknowledgeAction : IAction
{
    public Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken) =>
        EventsApi.SendAsync(context, "acknowledge", context.GetRequiredText("dedupKey"), null, cancellationToken);
}
