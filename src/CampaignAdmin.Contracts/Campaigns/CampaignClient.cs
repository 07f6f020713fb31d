using System.Text.Json.Serialization;

namespace CampaignAdmin.Contracts.Campaigns;

/// <summary>One recipient of a campaign: a phone number and the template's parameters in slot order.</summary>
public sealed class CampaignClient
{
    [JsonPropertyName("AccountID")]
    public string AccountId { get; set; } = "";

    [JsonPropertyName("Params")]
    public List<string> Params { get; set; } = [];
}
