using CampaignAdmin.Client;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Dashboard.Components.Shared;

namespace CampaignAdmin.Dashboard.Drafts;

/// <summary>Who a follow-up goes to, by how their message of the campaign ended.</summary>
public enum Cohort
{
    FailedRetryable,
    FailedForGood,
    NotDelivered,
    DeliveredNotRead,
}

public static class Cohorts
{
    public static IReadOnlyList<Cohort> All { get; } = Enum.GetValues<Cohort>();

    /// <summary>
    /// WhatsApp's failures that pass (rate limits, WhatsApp's own errors, a marketing message held back for now): sent again, they
    /// may arrive. Every other failure (not on WhatsApp, a wrong parameter, a paused template) fails again the same way.
    /// </summary>
    public static IReadOnlySet<int> RetryableCodes { get; } = new HashSet<int> { 368, 130429, 130472, 131000, 131016, 131048, 131049, 131056 };

    /// <summary>
    /// The cohort of one message; <c>null</c> for a message read (nothing to follow up) and for a failure whose outcome is
    /// unknown (it may have been delivered: a follow-up could be a second copy).
    /// </summary>
    public static Cohort? Of(CampaignMessage message, StatusVocabulary words) => words.Message(message.Status) switch
    {
        MessageStatus.Read => null,
        MessageStatus.Delivered => Cohort.DeliveredNotRead,
        MessageStatus.Failed when WhatsAppErrors.IsOutcomeUnknown(message.Error) => null,
        MessageStatus.Failed => RetryableCodes.Contains(message.ErrorCode != 0 ? message.ErrorCode : WhatsAppErrors.CodeIn(message.Error))
            ? Cohort.FailedRetryable : Cohort.FailedForGood,
        _ => Cohort.NotDelivered,
    };

    public static string Label(Cohort cohort) => cohort switch
    {
        Cohort.FailedRetryable => "Failed, worth retrying",
        Cohort.FailedForGood => "Failed for good",
        Cohort.NotDelivered => "Not delivered",
        _ => "Delivered but not read",
    };

    public static string Explain(Cohort cohort) => cohort switch
    {
        Cohort.FailedRetryable => "WhatsApp's rate limits, its own errors, marketing messages held back for now: sent again, they may arrive.",
        Cohort.FailedForGood => "Not on WhatsApp, a wrong parameter, a paused template: the same message fails again; send another way or fix the values.",
        Cohort.NotDelivered => "Sent (or still queued), but WhatsApp never said it was delivered.",
        _ => "Delivered, but the customer has not opened it (or their read receipts are off).",
    };

    /// <summary>A short word for the draft's name and origin: "failed, worth retrying".</summary>
    public static string InWords(Cohort cohort) => Label(cohort).ToLowerInvariant();
}
