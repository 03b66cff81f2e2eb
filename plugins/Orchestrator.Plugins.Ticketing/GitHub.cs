using System.Net.Http.Headers;
using Orchestrator.Sdk;

namespace Orchestrator.Plugins.Ticketing;

/// <summary>GitHub REST API: a token, the documented media type and API version, and the repository's issues URL.</summary>
internal static class GitHub
{
    public static readonly (string, string)[] Headers =
    [
        ("Accept", "application/vnd.github+json"), ("X-GitHub-Api-Version", "2022-11-28"), ("User-Agent", "Orchestrator"),
    ];

    public static async Task<(string IssuesUrl, AuthenticationHeaderValue Auth)> ConnectAsync(ActionContext context, CancellationToken cancellationToken)
    {
        var api = JsonApi.BaseUrl(context, "apiUrl", "https://api.github.com");
        var repository = context.GetRequiredText("repository");
        if (repository.Split('/') is not [{ Length: > 0 } owner, { Length: > 0 } name])
        {
            throw new ArgumentException($"repository '{repository}' must be owner/name.", "repository");
        }

        var token = await context.GetSecretAsync(context.GetRequiredText("tokenSecret"), cancellationToken);
        return ($"{api}/repos/{Uri.EscapeDataString(owner)}/{Uri.EscapeDataString(name)}/issues", new AuthenticationHeaderValue("Bearer", token));
    }
}
