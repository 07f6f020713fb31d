using System.Text.Json.Serialization;

namespace CampaignAdmin.Contracts.Campaigns;

public sealed class CreateCampaignRequest
{
    [JsonPropertyName("Name")]
    public string Name { get; set; } = "";

    [JsonPropertyName("Message")]
    public string Message { get; set; } = "";

    [JsonPropertyName("Clients")]
    public List<CampaignClient> Clients { get; set; } = [];

    [JsonPropertyName("JSON")]
    public string Json { get; set; } = "";

    [JsonPropertyName("TempMsgID")]
    public string TempMsgId { get; set; } = "";

    [JsonPropertyName("SendAt")]
    public string SendAt { get; set; } = "";

    /// <summary>JSON <c>null</c> reads as Go's zero values: empty strings and lists.</summary>
    public CreateCampaignRequest Normalize()
    {
        Name ??= "";
        Message ??= "";
        Json ??= "";
        TempMsgId ??= "";
        SendAt ??= "";
        Clients ??= [];
        for (var i = 0; i < Clients.Count; i++)
        {
            var client = Clients[i] ??= new CampaignClient();
            client.AccountId ??= "";
            client.Params ??= [];
            for (var p = 0; p < client.Params.Count; p++) client.Params[p] ??= "";
        }
        return this;
    }
}
