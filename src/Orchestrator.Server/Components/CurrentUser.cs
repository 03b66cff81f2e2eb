using Microsoft.AspNetCore.Components.Authorization;

namespace Orchestrator.Server.Components;

/// <summary>Who is using this circuit, as the timeline and approvals record it: the signed-in user's name, or
/// <c>anonymous</c> (as the API says) while there is no sign-in.</summary>
public sealed class CurrentUser(AuthenticationStateProvider authentication)
{
    public async Task<string> NameAsync() =>
        (await authentication.GetAuthenticationStateAsync()).User.Identity?.Name is { Length: > 0 } name ? name : "anonymous";
}
