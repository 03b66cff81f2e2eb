using Orchestrator.Sdk;

namespace Orchestrator.Plugins.Paging;

/// <summary>Reads the secret an input names, turning a missing one into a failure the journal shows.</summary>
internal static class SecretInput
{
    public static async Task<(string? Value, ActionResult? Failure)> ReadAsync(ActionContext context, string input, CancellationToken cancellationToken)
    {
        try
        {
            return (await context.GetSecretAsync(context.GetRequiredText(input), cancellationToken), null);
        }
        catch (Exception e) when (e is KeyNotFoundException or ArgumentException)
        {
            return (null, ActionResult.Failed(e.Message));
        }
    }
}
