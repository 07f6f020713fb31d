using CampaignAdmin.Dashboard.Text;

namespace CampaignAdmin.Dashboard.Identity;

/// <summary>The four roles, from least to most trusted. An Approver checks what Marketers make (Approvals:Required) and makes nothing.</summary>
public static class DashboardRoles
{
    public const string Viewer = "Viewer";
    public const string Marketer = "Marketer";
    public const string Approver = "Approver";
    public const string Admin = "Admin";

    public static IReadOnlyList<string> All { get; } = [Viewer, Marketer, Approver, Admin];

    /// <summary>The role's name as a page shows it (the role itself, a claim value, stays English).</summary>
    public static string Name(string role) => Localized.Text(typeof(DashboardRoles), role);

    public static string Describe(string role) => Localized.Text(typeof(DashboardRoles), role switch
    {
        Viewer => "reads campaigns, messages, templates and the audit log",
        Marketer => "also creates, edits and resends campaigns",
        Approver => "reads like a Viewer, and approves or rejects the campaigns Marketers submit (never their own)",
        Admin => "everything: creates, approves, deletes campaigns, manages users and sees the API connection",
        _ => "no access",
    });
}
