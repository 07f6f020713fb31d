namespace CampaignAdmin.Dashboard.Approvals;

/// <summary>
/// <c>Approvals:Required</c>. One dashboard drives one company (one <c>CampaignApi:ApiKey</c>), so "per company" is this dashboard's
/// setting: when on, a Marketer's campaign waits for an Approver (or an Admin) before anything reaches the Campaign API.
/// </summary>
public sealed class ApprovalOptions
{
    public const string Section = "Approvals";

    public bool Required { get; set; }
}

/// <summary>Bounds of what an approver types.</summary>
public static class ApprovalLimits
{
    public const int MaxNote = 1000;

    /// <summary>The Approvals page lists the oldest waiting first, at most this many.</summary>
    public const int Listed = 100;
}
