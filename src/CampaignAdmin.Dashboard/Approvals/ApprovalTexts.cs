using CampaignAdmin.Dashboard.Security;
using CampaignAdmin.Dashboard.Text;

namespace CampaignAdmin.Dashboard.Approvals;

/// <summary>Every sentence the approval flow says to a person, in one place (the tests assert them exactly).</summary>
public static class ApprovalTexts
{
    public const string Frozen = "This draft is awaiting approval and cannot be changed; withdraw it to edit it again.";
    public const string MustSubmit = "This company requires approval: a Marketer's campaign is submitted for approval, and an Approver or Admin creates it.";
    public const string OwnApproval = "You made this campaign, so someone else must approve it.";
    public const string OwnRejection = "You made this campaign, so someone else must review it; withdraw it to change it.";
    public const string NoteRequired = "Say why it is rejected: the maker reads the note.";
    public const string Gone = "This draft no longer exists (it was deleted, or its campaign was created).";
    public const string NotAwaiting = "This campaign is not awaiting approval any more (it was withdrawn, rejected or approved by someone else).";
    public const string AlreadyAwaiting = "This draft is already awaiting approval.";
    public const string OnlyMakerWithdraws = "Only the person who submitted it (or an Admin) can withdraw it.";

    public static string NoteTooLong(int length) => $"The note is {length:N0} characters; at most {ApprovalLimits.MaxNote:N0}.";

    public static string Blocked(string reason) => $"The pre-flight check stops this campaign: {reason}";

    /// <summary>One of the sentences above in the page's language (they stay English in the audit log).</summary>
    public static string Shown(string english) => ActionRefusedException.Show(english);

    public static string BlockedShown(string reason) =>
        Localized.Format(typeof(ActionRefusedException), "The pre-flight check stops this campaign: {0}", reason);
}
