namespace CampaignAdmin.Api.Sending;

/// <summary>Delivery receipts from a provider (the sandbox, or WhatsApp's webhooks).</summary>
public interface IReceiptSink
{
    void Enqueue(Receipt receipt);
}

public sealed record Receipt(string ProviderMessageId, Contracts.Campaigns.MessageStatus Status, DateTimeOffset At, int ErrorCode = 0, string Error = "");
