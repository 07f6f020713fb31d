using Microsoft.AspNetCore.Identity;

namespace CampaignAdmin.Dashboard.Identity;

/// <summary>A member of staff who signs in to the dashboard. Each user holds exactly one of <see cref="DashboardRoles"/>.</summary>
public sealed class DashboardUser : IdentityUser
{
    /// <summary>A disabled user cannot sign in, and an open session ends at its next revalidation.</summary>
    public bool Disabled { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
