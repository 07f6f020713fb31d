namespace CampaignAdmin.Api.Sending;

/// <summary>Delivery receipts from a provider (the sandbox, or WhatsApp's webhooks).</summary>
public interface IReceiptSink
{
    void Enqueue(Receipt receipt);
}

/// <param name="MessageKey">
/// Our key, where the provider echoes it (the sandbox does; WhatsApp can, through <c>biz_opaque_callback_data</c>). It lets
/// a receipt settle an "outcome unknown" message, which has no provider ID of that send yet.
/// </param>
public sealed record Receipt(string ProviderMessageId, Contracts.Campaigns.MessageStatus Status, DateTimeOffset At, int ErrorCode = 0, string Error = "", string MessageKey = "");
