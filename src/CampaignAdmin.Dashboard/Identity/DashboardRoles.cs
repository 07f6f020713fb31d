namespace CampaignAdmin.Dashboard.Identity;

/// <summary>The three roles, from least to most trusted.</summary>
public static class DashboardRoles
{
    public const string Viewer = "Viewer";
    public const string Marketer = "Marketer";
    public const string Admin = "Admin";

    public static IReadOnlyList<string> All { get; } = [Viewer, Marketer, Admin];

    public static string Describe(string role) => role switch
    {
        Viewer => "reads campaigns, messages, templates and the audit log",
        Marketer => "also creates, edits and resends campaigns",
        Admin => "also deletes campaigns, manages users and sees the API connection",
        _ => "no access",
    };
}
