using CampaignAdmin.Contracts.Campaigns;

namespace CampaignAdmin.Dashboard.Components.Campaigns.New;

/// <summary>What a change did to the grid's rows, so that only those are checked again: edited or added (at the end), removed, or all.</summary>
public sealed record RowChange(IReadOnlyList<CampaignClient> Changed, IReadOnlyList<CampaignClient> Removed, bool All = false)
{
    /// <summary>The changed rows' numbers are already checked and in E.164 (an import's accepted rows): they are not parsed again.</summary>
    public bool NumbersAreE164 { get; init; }

    public static RowChange None { get; } = new([], []);

    /// <summary>The list was rebuilt (cleared, de-duplicated, a paste undone): every row is checked again.</summary>
    public static RowChange Everything { get; } = new([], [], All: true);

    public static RowChange Of(params IReadOnlyList<CampaignClient> rows) => new(rows, []);

    public static RowChange Without(CampaignClient row) => new([], [row]);
}
