namespace CampaignAdmin.Api.Data;

/// <summary>
/// One signed webhook delivery, kept from the moment it is verified until it has been applied (table
/// <c>WebhookInbox</c>). It is written before the 200 goes back, so a delivery the provider was told we have is never
/// lost to a crash: a processor applies it and deletes it (<see cref="Sending.WhatsAppCloud.Webhooks.WebhookProcessor"/>).
/// </summary>
public sealed class WebhookDelivery
{
    public long Id { get; set; }

    /// <summary>Unix milliseconds.</summary>
    public long ReceivedAt { get; set; }

    /// <summary>The raw body as it was signed; later only what is still to be applied (statuses whose message is not known yet).</summary>
    public byte[] Body { get; set; } = [];

    /// <summary>How many times a processor has taken it.</summary>
    public int Attempts { get; set; }

    /// <summary>
    /// Unix milliseconds before which no processor takes it: 0 when new, a lease while one processor works on it (a
    /// processor that dies leaves it to be taken again), a back-off while its remaining statuses wait for their messages.
    /// </summary>
    public long NextAttemptAt { get; set; }
}
