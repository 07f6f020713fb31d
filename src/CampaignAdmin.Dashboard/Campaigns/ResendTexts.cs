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
    public static string? Stopped(PagingEnd end, int read, PagingLimits limits) => end switch
    {
        PagingEnd.Repeated => $"The API sent the same messages again after the first {Count(read, "message")}, so only those were checked; there may be more failed messages.",
        PagingEnd.Window => $"This API gives at most {Count(read, "message")} at once and pages no further, so only those were checked; there may be more failed messages.",
        PagingEnd.ItemLimit => $"Stopped looking after {Count(read, "message")} (the limit); there may be more failed messages.",
        PagingEnd.CallLimit => $"Stopped looking after {Count(limits.MaxCalls, "API call")} (the limit) and {Count(read, "message")}; there may be more failed messages.",
        PagingEnd.TimeLimit => $"Stopped looking after {Duration(limits.MaxTime)} (the limit) and {Count(read, "message")}; there may be more failed messages.",
        _ => null,
    };

    /// <summary>"2 minutes", "90 seconds".</summary>
    public static string Duration(TimeSpan span) =>
        span.TotalSeconds % 60 == 0 && span >= TimeSpan.FromMinutes(1)
            ? Count((int)span.TotalMinutes, "minute")
            : Count((int)Math.Ceiling(span.TotalSeconds), "second");

    internal static string Join(IEnumerable<string?> sentences) =>
        string.Join(" ", sentences.Where(s => !string.IsNullOrEmpty(s)));
}
