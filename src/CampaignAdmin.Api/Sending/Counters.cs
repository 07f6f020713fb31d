using CampaignAdmin.Contracts.Campaigns;

namespace CampaignAdmin.Api.Sending;

/// <summary>
/// A campaign's counts as a function of its messages' statuses (docs/SENDING.md): sent = SUBMITTED or later,
/// delivered = DELIVERED + READ, read = READ, failed = FAILED. A status change moves the counts by a delta.
/// </summary>
public readonly record struct Counters(int Sent, int Delivered, int Read, int Failed)
{
    public static Counters Of(MessageStatus status) => status switch
    {
        MessageStatus.Submitted => new(1, 0, 0, 0),
        MessageStatus.Delivered => new(1, 1, 0, 0),
        MessageStatus.Read => new(1, 1, 1, 0),
        MessageStatus.Failed => new(0, 0, 0, 1),
        _ => default,
    };

    public static Counters Delta(MessageStatus from, MessageStatus to) => Of(to) - Of(from);

    public static Counters operator +(Counters a, Counters b) =>
        new(a.Sent + b.Sent, a.Delivered + b.Delivered, a.Read + b.Read, a.Failed + b.Failed);

    public static Counters operator -(Counters a, Counters b) =>
        new(a.Sent - b.Sent, a.Delivered - b.Delivered, a.Read - b.Read, a.Failed - b.Failed);

    public bool IsZero => this == default;
}

/// <summary>Receipts only move a message forward: READ never returns to DELIVERED, and nothing leaves READ.</summary>
public static class StatusRules
{
    public static bool ReceiptMovesForward(MessageStatus current, MessageStatus receipt) => receipt switch
    {
        MessageStatus.Failed => current is MessageStatus.Submitted,
        MessageStatus.Delivered or MessageStatus.Read =>
            current is MessageStatus.Submitted or MessageStatus.Delivered && receipt > current,
        _ => false,
    };

    /// <summary>
    /// Any receipt proves that a message handed over without an answer was sent (and how it went): WhatsApp's
    /// <c>sent</c> status (a <c>SUBMITTED</c> receipt) as well.
    /// </summary>
    public static bool ReceiptSettlesDoubt(MessageStatus receipt) =>
        receipt is MessageStatus.Submitted or MessageStatus.Delivered or MessageStatus.Read or MessageStatus.Failed;
}
