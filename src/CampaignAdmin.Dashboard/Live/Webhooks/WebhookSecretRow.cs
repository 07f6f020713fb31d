namespace CampaignAdmin.Dashboard.Live.Webhooks;

/// <summary>
/// The status webhook's secret, as the dashboard database keeps it: its SHA-256 (the secret is 256 random bits, so a plain hash
/// is enough: there is nothing to guess) and its first characters to recognise it by. No row: webhooks are off.
/// </summary>
public sealed class WebhookSecretRow
{
    public const int SingleId = 1;

    public int Id { get; set; } = SingleId;
    public byte[] Hash { get; set; } = [];
    public string Prefix { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public string CreatedBy { get; set; } = "";
}
