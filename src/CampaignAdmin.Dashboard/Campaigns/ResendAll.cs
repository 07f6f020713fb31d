using CampaignAdmin.Client;
using CampaignAdmin.Dashboard.Text;
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
        1 => Say("1 failed message ended \"outcome unknown\": nobody knows whether WhatsApp delivered it, so resending may give that customer " +
             "a second copy. It is left out unless you include it."),
        var n => Say("{0} ended \"outcome unknown\": nobody knows whether WhatsApp delivered them, so resending may give " +
                 "those customers a second copy. They are left out unless you include them.", Shown(n, "failed message")),
    };

    // The plan's and the result's texts in the page's language; the audit entry builds the summary in English (Localized.InEnglish).
    internal static string Say(string english, params object?[] values) => Localized.Format(typeof(ResendAllPlan), english, values);

    /// <summary>"3 failed messages can't be resent: the API gave no message key."; <c>null</c> when every one had a key.</summary>
    public string? WithoutKeyNote => WithoutKey == 0 ? null : Say("{0} " + NoKey + ".", Shown(WithoutKey, "failed message"));

    /// <summary>
    /// Why the search stopped before the end; for a window read in full, how many it covered; <c>null</c> when it paged
    /// through the whole list.
    /// </summary>
    public string? StoppedNote => Stopped(End, Checked, Limits)
        ?? (Windowed ? Say("Checked all {0} this API returned (it doesn't page, so the dashboard read them at once).", Shown(Checked, "message")) : null);
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
        // {2}, the bare total, is for a language that says the noun once ("أُعيد إرسال 2 من أصل 3 من الرسائل الفاشلة").
        ResendAllPlan.Say("Resent {0} of {1}.", Resent.ToString("N0", System.Globalization.CultureInfo.CurrentCulture), Shown(Total, "failed message"),
            Total.ToString("N0", System.Globalization.CultureInfo.CurrentCulture)),
        StillFailed > 0 ? ResendAllPlan.Say("{0} failed again.", StillFailed.ToString("N0", System.Globalization.CultureInfo.CurrentCulture)) : null,
        IncludedOutcomeUnknown && Plan.OutcomeUnknownKeys.Count > 0 ? ResendAllPlan.Say("That includes {0}, on purpose.", Shown(Plan.OutcomeUnknownKeys.Count, "\"outcome unknown\" message")) : null,
        LeftOut > 0 ? ResendAllPlan.Say("Left out {0}.", Shown(LeftOut, "\"outcome unknown\" message")) : null,
        Plan.WithoutKeyNote,
        AlreadyInFlight > 0 ? ResendAllPlan.Say("Skipped {0} already being resent.", Shown(AlreadyInFlight, "message")) : null,
        Stop == ResendAllStop.Cancelled ? ResendAllPlan.Say("Cancelled: {0} not sent.", Shown(NotSent, "message")) : null,
        Stop == ResendAllStop.TimeLimit ? ResendAllPlan.Say("Stopped after {0} (the limit): {1} not sent.", Duration(MaxSendTime), Shown(NotSent, "message")) : null,
        Plan.StoppedNote,
        .. Problems.GroupBy(p => p).OrderByDescending(g => g.Count()).Take(3).Select(g => g.Count() > 1 ? $"{g.Key} (×{g.Count()})." : g.Key + "."),
    ]);
}
