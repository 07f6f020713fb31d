using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace CampaignAdmin.Dashboard.Security;

/// <summary>Who is acting in this circuit (or request), and whether they may.</summary>
public sealed class CurrentUser(AuthenticationStateProvider authentication, IAuthorizationService authorization, ClientOrigin origin)
{
    public async Task<ClaimsPrincipal> PrincipalAsync() => (await authentication.GetAuthenticationStateAsync()).User;

    public string IpAddress => origin.IpAddress;

    /// <summary>Why the current user may not do it; <c>null</c> when the server's policy allows it.</summary>
    public async Task<string?> WhyNotAsync(Permission permission)
    {
        var user = await PrincipalAsync();
        if (user.Identity?.IsAuthenticated != true) return "You are not signed in.";
        var result = await authorization.AuthorizeAsync(user, Permissions.Policy(permission));
        return result.Succeeded ? null : Permissions.WhyNot(user, permission) ?? "Your role does not allow this.";
    }
}
