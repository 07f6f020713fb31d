using System.Globalization;
using System.Security.Claims;
using CampaignAdmin.Dashboard.Identity;
using CampaignAdmin.Dashboard.Text;
using Microsoft.AspNetCore.Authorization;

namespace CampaignAdmin.Dashboard.Security;

/// <summary>What a role may do. The policies the server checks and the reasons the UI shows come from this one table.</summary>
public enum Permission
{
    CreateCampaign,
    EditCampaign,
    ResendMessage,
    DeleteCampaign,
    ManageUsers,
    ManageApiKeys,
    /// <summary>Approve or reject a campaign submitted for approval (Approvals/); never one's own, checked apart from the role.</summary>
    ApproveCampaign,
}

public static class Permissions
{
    private static readonly string[] MarketerOrAdmin = [DashboardRoles.Marketer, DashboardRoles.Admin];
    private static readonly string[] AdminOnly = [DashboardRoles.Admin];
    private static readonly string[] ApproverOrAdmin = [DashboardRoles.Approver, DashboardRoles.Admin];

    public static IReadOnlyList<string> RolesFor(Permission permission) => permission switch
    {
        Permission.CreateCampaign or Permission.EditCampaign or Permission.ResendMessage => MarketerOrAdmin,
        Permission.ApproveCampaign => ApproverOrAdmin,
        _ => AdminOnly,
    };

    /// <summary>The policy name, for <c>[Authorize(Policy = …)]</c> and <see cref="IAuthorizationService"/>.</summary>
    public static string Policy(Permission permission) => "permission:" + permission;

    public const string ManageUsersPolicy = "permission:ManageUsers";
    public const string CreateCampaignPolicy = "permission:CreateCampaign";
    public const string ApproveCampaignPolicy = "permission:ApproveCampaign";

    public static AuthorizationOptions AddPermissionPolicies(this AuthorizationOptions options)
    {
        foreach (var permission in Enum.GetValues<Permission>())
            options.AddPolicy(Policy(permission), policy => policy.RequireAuthenticatedUser().RequireRole(RolesFor(permission)));
        return options;
    }

    public static bool Allows(this ClaimsPrincipal user, Permission permission) => RolesFor(permission).Any(user.IsInRole);

    /// <summary>Why this user may not do it, in English (the audit log's words); <c>null</c> when allowed.</summary>
    public static string? WhyNot(ClaimsPrincipal user, Permission permission) => InEnglish(() => WhyNotShown(user, permission));

    /// <summary>Why this user may not do it, in the page's language; <c>null</c> when allowed.</summary>
    public static string? WhyNotShown(ClaimsPrincipal user, Permission permission)
    {
        if (user.Allows(permission)) return null;
        var role = RoleOf(user);
        var needs = string.Join(Text(" or "), RolesFor(permission).Select(DashboardRoles.Name));
        var sentence = role is null ? "{0} needs the {1} role; you are signed in without a role."
            : "AEIOU".Contains(role[0]) ? "{0} needs the {1} role; you are an {2}." : "{0} needs the {1} role; you are a {2}.";
        return Localized.Format(typeof(Permissions), sentence, Text(Verb(permission)), needs, role is null ? "" : DashboardRoles.Name(role));
    }

    public static string? RoleOf(ClaimsPrincipal user) => DashboardRoles.All.LastOrDefault(user.IsInRole);

    private static T InEnglish<T>(Func<T> text)
    {
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(DashboardCultures.English);
        try { return text(); }
        finally { CultureInfo.CurrentUICulture = culture; }
    }

    private static string Text(string english) => Localized.Text(typeof(Permissions), english);

    private static string Verb(Permission permission) => permission switch
    {
        Permission.CreateCampaign => "Creating campaigns",
        Permission.EditCampaign => "Editing campaigns",
        Permission.ResendMessage => "Resending messages",
        Permission.DeleteCampaign => "Deleting campaigns",
        Permission.ManageApiKeys => "Managing API keys",
        Permission.ApproveCampaign => "Approving campaigns",
        _ => "Managing users",
    };
}
