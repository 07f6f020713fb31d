using CampaignAdmin.Client;
using CampaignAdmin.Dashboard.Text;

namespace CampaignAdmin.Dashboard.Campaigns;

/// <summary>What the dashboard says about resends, in one place: the pages, the refusals and the audit use the same words.</summary>
public static class ResendTexts
{
    public const string NoKey = "can't be resent: the API gave no message key";
    public const string NoKeyRefused = "This message " + NoKey + ".";
    public const string InProgress = "A resend of this message is already in progress.";
    public const string AllInProgress = "A resend of all failed messages of this campaign is already in progress.";
    public const string OutcomeUnknownNotConfirmed =
        "This message's outcome is unknown: it may already have reached the customer. Confirm that a second copy is acceptable to resend it.";

    /// <summary>A resend the provider refused, said for the recipient: "Not resent (attempt 3): +966… isn't on WhatsApp (131026)."</summary>
    public static string NotResent(int? attempts, string why) => $"Not resent{(attempts is { } a ? $" (attempt {a})" : "")}: {why.TrimEnd('.')}.";

    /// <summary>
    /// Why a resend failed, for people: a provider's refusal with a code says what it means for the recipient
    /// ("+966… isn't on WhatsApp (131026)"), not that "the messaging provider failed", which reads like an outage.
    /// </summary>
    public static string Why(Exception exception, string accountId)
    {
        if (ApiErrors.StatusCode(exception) != System.Net.HttpStatusCode.BadGateway || exception is not Refit.ApiException api) return ApiErrors.Describe(exception);
        var code = Components.Shared.WhatsAppErrors.CodeIn(ApiErrors.ErrorText(api));
        return code > 0 ? Components.Shared.WhatsAppErrors.ForRecipient(code, accountId) : ApiErrors.Describe(exception);
    }

    /// <summary>A successful resend: "Resent to +966…: SUBMITTED."</summary>
    public static string Resent(string accountId, string status) => $"Resent to {accountId}: {status}.";

    public static string NotFailed(string messageKey) => $"Only a FAILED message can be resent; message {messageKey} is not FAILED (any more).";

    public static string NotFound(string messageKey, int read) =>
        $"Message {messageKey} was not among the first {Count(read, "message")} the API listed, so it was not resent.";

    /// <summary>"1 message", "2 messages": <see cref="Plural.Of"/>, kept short for the sentences below.</summary>
    public static string Count(int count, string noun) => Plural.Of(count, noun);

    /// <summary>Why the search for failed messages stopped early; <c>null</c> when it saw the whole list.</summary>
    /// <remarks>In the page's language (a "resend all" shows it; its audit entry builds it in English, <see cref="Localized.InEnglish"/>).</remarks>
    public static string? Stopped(PagingEnd end, int read, PagingLimits limits) => end switch
    {
        PagingEnd.Repeated => Say("The API sent the same messages again after the first {0}, so only those were checked; there may be more failed messages.", Shown(read, "message")),
        PagingEnd.Window => Say("This API gives at most {0} at once and pages no further, so only those were checked; there may be more failed messages.", Shown(read, "message")),
        PagingEnd.ItemLimit => Say("Stopped looking after {0} (the limit); there may be more failed messages.", Shown(read, "message")),
        PagingEnd.CallLimit => Say("Stopped looking after {0} (the limit) and {1}; there may be more failed messages.", Shown(limits.MaxCalls, "API call"), Shown(read, "message")),
        PagingEnd.TimeLimit => Say("Stopped looking after {0} (the limit) and {1}; there may be more failed messages.", Duration(limits.MaxTime), Shown(read, "message")),
        _ => null,
    };

    /// <summary>"2 minutes", "90 seconds", in the page's language.</summary>
    public static string Duration(TimeSpan span) =>
        span.TotalSeconds % 60 == 0 && span >= TimeSpan.FromMinutes(1)
            ? Shown((int)span.TotalMinutes, "minute")
            : Shown((int)Math.Ceiling(span.TotalSeconds), "second");

    /// <summary>A count for a text in the page's language (<see cref="Plural.Counted"/>); <see cref="Count"/> stays English.</summary>
    internal static string Shown(int count, string noun) => Plural.Counted(count, noun);

    private static string Say(string english, params object?[] values) => Localized.Format(typeof(ResendTexts), english, values);

    internal static string Join(IEnumerable<string?> sentences) =>
        string.Join(" ", sentences.Where(s => !string.IsNullOrEmpty(s)));
}
