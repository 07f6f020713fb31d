namespace CampaignAdmin.Dashboard.Drafts;

/// <summary>
/// A campaign being built, as the dashboard database keeps it: a few columns to list it by, and everything the builder held
/// (every field, every row, the schedule) in one compressed blob (<see cref="DraftContent"/>), never a row per recipient.
/// One dashboard drives one company (one API key), so every draft in its database is that company's.
/// </summary>
public sealed class SavedDraft
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string TemplateId { get; set; } = "";
    public int Recipients { get; set; }
    public string OwnerId { get; set; } = "";
    public string OwnerEmail { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    /// <summary>Where it came from when not typed in the builder: "Duplicate of campaign 12", "Follow-up of campaign 12: delivered, not read".</summary>
    public string Origin { get; set; } = "";
    /// <summary><see cref="DraftContent"/> as gzipped JSON, at most <see cref="DraftLimits.MaxContentBytes"/>.</summary>
    public byte[] Content { get; set; } = [];

    // Approval (maker-checker, Approvals/): where the draft is, who submitted it, what the approver said. Changed only by
    // Approvals.DbApprovalStore's conditional updates, never by a save.
    public DraftState State { get; set; } = DraftState.Draft;
    public DateTime? SubmittedAtUtc { get; set; }
    public string SubmittedById { get; set; } = "";
    public string SubmittedByEmail { get; set; } = "";
    /// <summary>The approver who rejected it (or is approving it) and their note; the note stays on the draft the maker gets back.</summary>
    public string ReviewedByEmail { get; set; } = "";
    public string ReviewNote { get; set; } = "";
    /// <summary>Why the last approval's create failed (the API's answer): the draft stays awaiting with it shown.</summary>
    public string ApprovalError { get; set; } = "";
}

/// <summary>A draft as the campaigns page lists it: without its content.</summary>
public sealed record DraftSummary(Guid Id, string Name, string TemplateId, int Recipients, string OwnerEmail, DateTime UpdatedAtUtc, string Origin,
    DraftState State = DraftState.Draft, string ReviewNote = "");

/// <summary>A draft is edited (<see cref="Draft"/>), or frozen while it waits for an approver (<see cref="AwaitingApproval"/>) and while
/// one approver's create is in flight (<see cref="Approving"/>: the claim that makes two approvals create one campaign).</summary>
public enum DraftState
{
    Draft = 0,
    AwaitingApproval = 1,
    Approving = 2,
}
