using CampaignAdmin.Dashboard.Drafts;
using CampaignAdmin.Dashboard.Text;

namespace CampaignAdmin.Dashboard.Approvals;

/// <summary>A draft's approval state in words, the same on the Approvals page, the drafts list and the builder.</summary>
public static class ApprovalStates
{
    /// <summary>Submitted and not decided yet: frozen (no save, no delete).</summary>
    public const DraftState Waiting = DraftState.AwaitingApproval;

    public static string Describe(SavedDraft draft) => draft.State switch
    {
        DraftState.AwaitingApproval when draft.ApprovalError.Length > 0 => Text("Awaiting approval (the last approval's create failed)"),
        DraftState.AwaitingApproval => Text("Awaiting approval"),
        DraftState.Approving => Localized.Format(typeof(ApprovalStates), "Being approved by {0}", draft.ReviewedByEmail),
        _ => Text(draft.ReviewNote.Length > 0 ? "Rejected" : "Draft"),
    };

    public static string Describe(DraftSummary draft) => draft.State switch
    {
        DraftState.AwaitingApproval => Text("Awaiting approval"),
        DraftState.Approving => Text("Being approved"),
        _ => draft.ReviewNote.Length > 0 ? Text("Rejected") : "",
    };

    private static string Text(string english) => Localized.Text(typeof(ApprovalStates), english);
}
