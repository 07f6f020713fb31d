namespace CampaignAdmin.Client;

/// <summary>The <c>CampaignApi</c> configuration section.</summary>
public sealed class CampaignApiOptions
{
    public const string Section = "CampaignApi";

    /// <summary>The service to drive; empty means the dashboard hosts its own API (embedded mode).</summary>
    public string BaseUrl { get; set; } = "";

    public string ApiKey { get; set; } = "";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    public bool IsRemote => !string.IsNullOrWhiteSpace(BaseUrl);
}
