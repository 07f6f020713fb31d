using CampaignAdmin.Dashboard.Text;

namespace CampaignAdmin.Dashboard.Audit;

/// <summary>One thing a person did (or tried to do) in the dashboard. Written once, never updated.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public string UserId { get; set; } = "";
    public string UserEmail { get; set; } = "";
    /// <summary>One of <see cref="AuditActions"/>.</summary>
    public string Action { get; set; } = "";
    /// <summary><see cref="AuditOutcomes"/>: done, refused (role or state), failed (the API said no).</summary>
    public string Outcome { get; set; } = AuditOutcomes.Done;
    public int? CampaignId { get; set; }
    public string CampaignName { get; set; } = "";
    /// <summary>What else was touched: a message key, a user's email.</summary>
    public string Target { get; set; } = "";
    public string Details { get; set; } = "";
    public string IpAddress { get; set; } = "";
    /// <summary>The draft an approval step was about: a campaign's history also lists the steps of the draft it was approved from.</summary>
    public Guid? DraftId { get; set; }

    /// <summary>An entry for something <paramref name="user"/> did from <paramref name="ipAddress"/>, stamped now.</summary>
    public static AuditEntry By(System.Security.Claims.ClaimsPrincipal user, string ipAddress, TimeProvider time, string action,
        string outcome = AuditOutcomes.Done, string target = "", string details = "", int? campaignId = null, string campaignName = "") => new()
    {
        AtUtc = time.GetUtcNow().UtcDateTime,
        UserId = user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "",
        UserEmail = user.Identity?.Name ?? "",
        Action = action,
        Outcome = outcome,
        CampaignId = campaignId,
        CampaignName = campaignName,
        Target = target,
        Details = details,
        IpAddress = ipAddress,
    };
}

public static class AuditOutcomes
{
    public const string Done = "done";
    public const string Refused = "refused";
    public const string Failed = "failed";
}

public static class AuditActions
{
    public const string CampaignCreated = "campaign.create";
    public const string CampaignEdited = "campaign.edit";
    public const string CampaignDeleted = "campaign.delete";
    public const string MessageResent = "message.resend";
    public const string ResendAllFailed = "campaign.resend-all";
    public const string MessagesExported = "campaign.export";
    public const string SignedIn = "account.sign-in";
    public const string SignInFailed = "account.sign-in-failed";
    public const string LockedOut = "account.locked-out";
    public const string SignedOut = "account.sign-out";
    public const string UserCreated = "user.create";
    public const string RoleChanged = "user.role";
    public const string UserDisabled = "user.disable";
    public const string UserEnabled = "user.enable";
    public const string PasswordSet = "user.password";
    public const string ApiKeysListed = "apikey.list";
    public const string ApiKeyIssued = "apikey.issue";
    public const string ApiKeyRevoked = "apikey.revoke";
    public const string WebhookTurnedOn = "webhook.on";
    public const string WebhookRotated = "webhook.rotate";
    public const string WebhookTurnedOff = "webhook.off";
    public const string DraftCreated = "draft.create";
    public const string DraftDeleted = "draft.delete";
    public const string ApprovalSubmitted = "approval.submit";
    public const string ApprovalWithdrawn = "approval.withdraw";
    public const string ApprovalApproved = "approval.approve";
    public const string ApprovalRejected = "approval.reject";
    public const string ApprovalCreateFailed = "approval.create-failed";

    public static IReadOnlyList<string> All { get; } =
    [
        CampaignCreated, CampaignEdited, CampaignDeleted, MessageResent, ResendAllFailed, MessagesExported,
        SignedIn, SignInFailed, LockedOut, SignedOut, UserCreated, RoleChanged, UserDisabled, UserEnabled, PasswordSet,
        ApiKeysListed, ApiKeyIssued, ApiKeyRevoked, WebhookTurnedOn, WebhookRotated, WebhookTurnedOff, DraftCreated, DraftDeleted,
        ApprovalSubmitted, ApprovalWithdrawn, ApprovalApproved, ApprovalRejected, ApprovalCreateFailed,
    ];

    /// <summary>The action in the page's language (the stored action stays its wire value).</summary>
    public static string Describe(string action) => Localized.Text(typeof(AuditActions), action switch
    {
        CampaignCreated => "Created campaign",
        CampaignEdited => "Edited campaign",
        CampaignDeleted => "Deleted campaign",
        MessageResent => "Resent message",
        ResendAllFailed => "Resent all failed",
        MessagesExported => "Exported messages",
        SignedIn => "Signed in",
        SignInFailed => "Sign-in failed",
        LockedOut => "Locked out",
        SignedOut => "Signed out",
        UserCreated => "Created user",
        RoleChanged => "Changed role",
        UserDisabled => "Disabled user",
        UserEnabled => "Enabled user",
        PasswordSet => "Set password",
        ApiKeysListed => "Listed API keys",
        ApiKeyIssued => "Issued API key",
        ApiKeyRevoked => "Revoked API key",
        WebhookTurnedOn => "Turned on status webhooks",
        WebhookRotated => "Rotated webhook secret",
        WebhookTurnedOff => "Turned off status webhooks",
        DraftCreated => "Made draft from campaign",
        DraftDeleted => "Deleted draft",
        ApprovalSubmitted => "Submitted for approval",
        ApprovalWithdrawn => "Withdrew from approval",
        ApprovalApproved => "Approved campaign",
        ApprovalRejected => "Rejected campaign",
        ApprovalCreateFailed => "Approved, create failed",
        _ => action,
    });

    /// <summary>An outcome other than done, as the action's chip says it: " (refused)".</summary>
    public static string Outcome(string outcome) => outcome == AuditOutcomes.Done ? "" : $" ({Localized.Text(typeof(AuditActions), outcome)})";
}
