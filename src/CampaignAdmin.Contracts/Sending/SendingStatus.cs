using System.Text.Json.Serialization;

namespace CampaignAdmin.Contracts.Sending;

/// <summary>
/// How this API sends right now, as <c>GET /v2/sending</c> answers (our extension; the vendor's API has none and answers
/// 404): the provider, the effective pace, and whether sending is paused for every campaign and why.
/// </summary>
public sealed class SendingStatus
{
    /// <summary><c>sandbox</c> or <c>whatsapp-cloud</c>.</summary>
    [JsonPropertyName("Provider")] public string Provider { get; set; } = "";

    /// <summary>The most messages a second across every campaign (the number's tier with WhatsApp); 0 when unpaced.</summary>
    [JsonPropertyName("MessagesPerSecond")] public int MessagesPerSecond { get; set; }

    [JsonPropertyName("Paused")] public bool Paused { get; set; }

    /// <summary>Why, when paused: <c>sending paused: the access token was refused</c>.</summary>
    [JsonPropertyName("PauseReason")] public string PauseReason { get; set; } = "";

    /// <summary>The provider's code that paused it (190), 0 when not paused.</summary>
    [JsonPropertyName("PauseErrorCode")] public int PauseErrorCode { get; set; }

    /// <summary>RFC 3339, empty when not paused.</summary>
    [JsonPropertyName("PausedAt")] public string PausedAt { get; set; } = "";
}
