using Orchestrator.Sdk;

namespace Orchestrator.Plugins.Remediation;

/// <summary>Polls an HTTP health endpoint until it answers 2xx (Healthy) or the time runs out (Unhealthy).</summary>
[Action("WaitForHealth", DisplayName = "Wait for health check", Category = "Remediation",
    Description = "Polls a URL until it answers 2xx (Healthy) or timeoutSeconds pass (Unhealthy).")]
[Input("url", Required = true)]
[Input("intervalSeconds", Kind = InputKind.Number, DefaultJson = "5")]
[Input("timeoutSeconds", Kind = InputKind.Number, DefaultJson = "300")]
[Outcome("Healthy")]
[Outcome("Unhealthy")]
[Output("attempts")]
[Output("lastStatus", Description = "The last HTTP status, or 0 when the server did not answer.")]
public sealed class WaitForHealthAction : IAction
{
    public async Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(context.GetRequiredText("url"), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return ActionResult.Failed($"url '{context.GetInput<string?>("url")}' is not an absolute http(s) URL.");
        }

        var interval = context.GetInput("intervalSeconds", TimeSpan.FromSeconds(5));
        var deadline = DateTimeOffset.UtcNow + context.GetInput("timeoutSeconds", TimeSpan.FromSeconds(300));
        var client = context.CreateHttpClient("health");
        var attempts = 0L;
        var status = 0L;
        while (true)
        {
            attempts++;
            try
            {
                using var probe = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                probe.CancelAfter(TimeSpan.FromSeconds(10));
                using var response = await client.GetAsync(url, probe.Token);
                status = (long)response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    return ActionResult.To("Healthy", Outputs(attempts, status));
                }
            }
            catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                status = 0;
            }

            if (DateTimeOffset.UtcNow + interval > deadline)
            {
                return ActionResult.To("Unhealthy", Outputs(attempts, status));
            }

            await Task.Delay(interval, cancellationToken);
        }
    }

    private static Dictionary<string, object?> Outputs(long attempts, long status) => new() { ["attempts"] = attempts, ["lastStatus"] = status };
}
