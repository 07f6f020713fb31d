using CampaignAdmin.Client;
using static CampaignAdmin.Dashboard.Campaigns.ResendTexts;

namespace CampaignAdmin.Dashboard.Campaigns;

/// <summary>
/// What a "resend all failed" found before anything is sent. Made on the server by
/// <see cref="CampaignActions.PlanResendAllAsync"/>, shown to the user, then handed back to be sent.
/// </summary>
public sealed class ResendAllPlan
{
    internal ResendAllPlan(int campaignId, IReadOnlyList<string> keys, IReadOnlyList<string> outcomeUnknownKeys, int withoutKey,
        int checkedCount, PagingEnd end, PagingLimits limits, bool windowed = false) =>
        (CampaignId, Keys, OutcomeUnknownKeys, WithoutKey, Checked, End, Limits, Windowed) =
        (campaignId, keys, outcomeUnknownKeys, withoutKey, checkedCount, end, limits, windowed);

    public int CampaignId { get; }

    /// <summary>The failed messages to resend: each with a key, and an outcome that is known.</summary>
    public IReadOnlyList<string> Keys { get; }

    /// <summary>The failed messages whose outcome is unknown: resent only when the user includes them.</summary>
    public IReadOnlyList<string> OutcomeUnknownKeys { get; }

    /// <summary>Failed messages the API gave no key for: never resent.</summary>
    public int WithoutKey { get; }

    /// <summary>Messages looked at, of any status.</summary>
    public int Checked { get; }

    public PagingEnd End { get; }

    public PagingLimits Limits { get; }

    /// <summary>The API pages no further, so its messages were read through one window (as the messages grid reads them).</summary>
    public bool Windowed { get; }

    /// <summary>The search did not see the end of the list, so there may be more failed messages.</summary>
    public bool MayHaveMore => End != PagingEnd.Finished;

    public bool NothingToSend => Keys.Count + OutcomeUnknownKeys.Count == 0;

    public int ToSend(bool includeOutcomeUnknown) => Keys.Count + (includeOutcomeUnknown ? OutcomeUnknownKeys.Count : 0);

    /// <summary>How many are "outcome unknown", why they are left out; <c>null</c> when there are none.</summary>
    public string? OutcomeUnknownWarning => OutcomeUnknownKeys.Count switch
    {
        0 => null,
        1 => "1 failed message ended \"outcome unknown\": nobody knows whether WhatsApp delivered it, so resending may give that customer " +
             "a second copy. It is left out unless you include it.",
        var n => $"{n:N0} failed messages ended \"outcome unknown\": nobody knows whether WhatsApp delivered them, so resending may give " +
                 "those customers a second copy. They are left out unless you include them.",
    };

    /// <summary>"3 failed messages can't be resent: the API gave no message key."; <c>null</c> when every one had a key.</summary>
    public string? WithoutKeyNote => WithoutKey == 0 ? null : $"{Count(WithoutKey, "failed message")} {NoKey}.";

    /// <summary>
    /// Why the search stopped before the end; for a window read in full, how many it covered; <c>null</c> when it paged
    /// through the whole list.
    /// </summary>
    public string? StoppedNote => Stopped(End, Checked, Limits)
        ?? (Windowed ? $"Checked all {Count(Checked, "message")} this API returned (it doesn't page, so the dashboard read them at once)." : null);
}

/// <summary>Why sending stopped before the end of the plan.</summary>
public enum ResendAllStop
{
    None,
    Cancelled,
    TimeLimit,
}

/// <summary>How a "resend all failed" went.</summary>
public sealed record ResendAllResult(ResendAllPlan Plan, bool IncludedOutcomeUnknown, int Total, int Attempted, int Resent,
    int AlreadyInFlight, IReadOnlyList<string> Problems, ResendAllStop Stop, TimeSpan MaxSendTime)
{
    public int StillFailed => Attempted - Resent;

    public bool Stopped => Stop != ResendAllStop.None;

    /// <summary>Sending stopped before these were tried.</summary>
    public int NotSent => Total - Attempted - AlreadyInFlight;

    private int LeftOut => IncludedOutcomeUnknown ? 0 : Plan.OutcomeUnknownKeys.Count;

    /// <summary>Every failed message found was resent and is not failed any more.</summary>
    public bool Complete => StillFailed == 0 && !Stopped && AlreadyInFlight == 0 && LeftOut == 0 && Plan.WithoutKey == 0 && !Plan.MayHaveMore;

    public string Summary => Join(
    [
        $"Resent {Resent:N0} of {Count(Total, "failed message")}.",
        StillFailed > 0 ? $"{StillFailed:N0} failed again." : null,
        IncludedOutcomeUnknown && Plan.OutcomeUnknownKeys.Count > 0 ? $"That includes {Count(Plan.OutcomeUnknownKeys.Count, "\"outcome unknown\" message")}, on purpose." : null,
        LeftOut > 0 ? $"Left out {Count(LeftOut, "\"outcome unknown\" message")}." : null,
        Plan.WithoutKeyNote,
        AlreadyInFlight > 0 ? $"Skipped {Count(AlreadyInFlight, "message")} already being resent." : null,
        Stop == ResendAllStop.Cancelled ? $"Cancelled: {Count(NotSent, "message")} not sent." : null,
        Stop == ResendAllStop.TimeLimit ? $"Stopped after {Duration(MaxSendTime)} (the limit): {Count(NotSent, "message")} not sent." : null,
        Plan.StoppedNote,
        .. Problems.GroupBy(p => p).OrderByDescending(g => g.Count()).Take(3).Select(g => g.Count() > 1 ? $"{g.Key} (×{g.Count()})." : g.Key + "."),
    ]);
}
