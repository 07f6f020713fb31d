namespace CampaignAdmin.Api.Sending.Sandbox;

/// <summary>Every send the sandbox accepted, kept so duplicates to one customer can be counted.</summary>
public sealed class SandboxSend
{
    public long Id { get; set; }
    public string ProviderMessageId { get; set; } = "";
    public string MessageKey { get; set; } = "";
    public string To { get; set; } = "";
    public string Payload { get; set; } = "";
    public DateTimeOffset SentAt { get; set; }
}
