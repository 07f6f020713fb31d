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
}

/// <summary>A draft as the campaigns page lists it: without its content.</summary>
public sealed record DraftSummary(Guid Id, string Name, string TemplateId, int Recipients, string OwnerEmail, DateTime UpdatedAtUtc, string Origin);
