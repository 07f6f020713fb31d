using System.Text.Json.Serialization;

namespace CampaignAdmin.Contracts.Campaigns;

public sealed class DeleteCampaignRequest
{
    [JsonPropertyName("ID")]
    public int Id { get; set; }
}

public sealed class UpdateCampaignRequest
{
    [JsonPropertyName("ID")]
    public int Id { get; set; }

    [JsonPropertyName("Name")]
    public string Name { get; set; } = "";

    [JsonPropertyName("SendAt")]
    public string SendAt { get; set; } = "";
}

public sealed class ResendCampaignMessageRequest
{
    [JsonPropertyName("MessageKey")]
    public string MessageKey { get; set; } = "";
}

/// <summary>Every error body: <c>{"Error":"…"}</c>.</summary>
public sealed record ErrorResponse([property: JsonPropertyName("Error")] string Error);
