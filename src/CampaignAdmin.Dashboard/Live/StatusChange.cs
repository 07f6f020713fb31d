namespace CampaignAdmin.Dashboard.Live;

/// <summary>
/// One message's status moved, as a push source saw it. The embedded API knows the campaign; the vendor's webhook
/// names only the message (<see cref="CampaignId"/> is then null, and every open campaign page re-reads).
/// </summary>
/// <param name="Status">The wire word as received (any case); the pages re-read the API, so it is a hint, not the truth.</param>
/// <param name="Source">Which push source said it: <see cref="LiveSources.Embedded"/> or <see cref="LiveSources.Webhook"/>.</param>
public sealed record StatusChange(int? CampaignId, string? MessageKey, string? Status, string Source)
{
    /// <summary>Heard from another dashboard instance on the same database (never relayed again).</summary>
    public bool FromPeer { get; init; }

    /// <summary>Whether a page showing <paramref name="campaignId"/> should re-read for this change.</summary>
    public bool MayConcern(int campaignId) => CampaignId is null || CampaignId == campaignId;
}

public static class LiveSources
{
    public const string Embedded = "embedded";
    public const string Webhook = "webhook";
}
