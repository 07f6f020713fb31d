using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace CampaignAdmin.Dashboard.Security;

/// <summary>Who is acting in this circuit (or request), and whether they may.</summary>
public sealed class CurrentUser(AuthenticationStateProvider authentication, IAuthorizationService authorization, ClientOrigin origin)
{
    public async Task<ClaimsPrincipal> PrincipalAsync() => (await authentication.GetAuthenticationStateAsync()).User;

    public string IpAddress => origin.IpAddress;

    /// <summary>Why the current user may not do it, in English (as the audit log keeps it); <c>null</c> when the server's policy allows it.</summary>
    public async Task<string?> WhyNotAsync(Permission permission) => (await RefusalAsync(permission))?.Message;

    /// <summary>The refusal to throw: English in its message (audit log), the page's language in <see cref="ActionRefusedException.Shown"/>.</summary>
    public async Task<ActionRefusedException?> RefusalAsync(Permission permission)
    {
        var user = await PrincipalAsync();
        if (user.Identity?.IsAuthenticated != true) return new ActionRefusedException("You are not signed in.");
        var result = await authorization.AuthorizeAsync(user, Permissions.Policy(permission));
        if (result.Succeeded) return null;
        return Permissions.WhyNot(user, permission) is { } why
            ? new ActionRefusedException(why, Permissions.WhyNotShown(user, permission))
            : new ActionRefusedException("Your role does not allow this.");
    }
}
