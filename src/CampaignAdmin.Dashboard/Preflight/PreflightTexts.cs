using System.Globalization;
using System.Net;
using CampaignAdmin.Dashboard.Text;

namespace CampaignAdmin.Dashboard.Preflight;

/// <summary>Every sentence of the pre-flight checklist, in one place (the tests assert them exactly).</summary>
public static class PreflightTexts
{
    public const string TemplateTitle = "Template still approved";
    public const string ParamsTitle = "Every row has every value";
    public const string EmptyTitle = "No empty values";
    public const string MediaTitle = "Header media links answer";
    public const string RecentTitle = "Not messaged with this template recently";
    public const string ScheduledTitle = "Not in another scheduled campaign";
    public const string DurationTitle = "Estimated duration";
    public const string CostTitle = "Estimated cost";

    public const string NotAWebLink = "not an http or https link";
    public const string RedirectNotWeb = "redirects to something that is not an http or https link";
    public const string OwnJson = "The campaign sends its own JSON: there is no template to re-read.";
    public const string NoMedia = "The template has no header media.";
    public const string NoRates = "No rate table is configured (Preflight:Rates), so there is no estimate.";
    public const string NoCategory = "The campaign sends its own JSON: without a template there is no category to price, so there is no estimate.";

    public const string BlockedStart = "The pre-flight check stops this campaign.";
    public static string Blocked(IEnumerable<string> details) => BlockedStart + " " + string.Join(" ", details);

    /// <summary>
    /// A title or fixed sentence in the viewer's language, when shown. The report itself stays English: its block reason is
    /// audited as it is. Sentences built with numbers, names or links have no translation and show as made.
    /// </summary>
    public static string Shown(string english) => Localized.Text(typeof(PreflightTexts), english);

    /// <summary>The block reason as shown by Create: its opening sentence translated, the items' details as made.</summary>
    public static string ShownBlocked(string reason) =>
        reason.StartsWith(BlockedStart, StringComparison.Ordinal) ? Shown(BlockedStart) + reason[BlockedStart.Length..] : reason;

    public static string TemplateApproved(string name) => $"{name} is APPROVED (read again from the Campaign API just now).";
    public static string TemplateNotApproved(string name, string status) =>
        $"{name} is {(string.IsNullOrWhiteSpace(status) ? "without a status" : status.ToUpperInvariant())} now, not APPROVED: WhatsApp refuses to send it.";
    public const string TemplateGone = "The template is no longer listed by the Campaign API.";
    public static string TemplateUnread(string why) => $"The template could not be read again: {why}";

    public static string ParamsOk(int rows, int values) => $"All {Plural.Of(rows, "row")} have {Plural.Of(values, "value")}.";
    public static string ParamsMissing(int values, string rows) => $"The template takes {Plural.Of(values, "value")}; {rows} do not have that many.";
    public static string EmptyOk => "Every value is filled in.";
    public static string Empty(string cells) => $"WhatsApp refuses a message with an empty value: {cells}.";

    public static string Answered(int status) => $"answers {status}";
    public static string AnsweredError(int status) => $"answers {status}";
    public static string TooManyRedirects(int most) => $"redirects more than {most} times";
    public static string PrivateAddress(IPAddress address) => $"points to {address}, a private or local address; it is not asked";
    public static string NoAnswerWithin(TimeSpan limit) => $"no answer within {limit.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s";
    public static string NoConnection(HttpRequestError error) => $"could not be reached ({error})";
    public static string MediaOk(int links) => $"{Plural.Of(links, "link")} answered.";
    public static string MediaProblems(IEnumerable<LinkAnswer> answers) => string.Join("; ", answers.Select(a => $"{a.Url} {a.Detail}")) + ".";
    public static string MediaUnchecked(int notAsked, int most) => $" {Plural.Of(notAsked, "more link")} not asked (at most {most} per check).";

    public static string RecentOk(int hours) => $"None of these numbers got this template in the last {Plural.Of(hours, "hour")}.";
    public static string Recent(int count, int hours, string examples) =>
        $"{Plural.Of(count, "number")} got this template in the last {Plural.Of(hours, "hour")}: {examples}.";
    public const string ScheduledOk = "None of these numbers is in a scheduled campaign.";
    public static string Scheduled(int count, string examples) => $"{Plural.Of(count, "number")} also in a scheduled campaign: {examples}.";
    public static string LookLimited(string why) => $" The look was limited ({why}): there may be more.";
    public static string LookFailed(string why) => $"The campaigns could not be read: {why}";

    public static string Duration(int recipients, double perSecond, TimeSpan duration) =>
        $"About {Span(duration)} for {Plural.Of(recipients, "message")} at {perSecond.ToString("0.##", CultureInfo.InvariantCulture)} a second (Preflight:MessagesPerSecond), once sending starts.";
    public static string Unpaced(int recipients) => $"{Plural.Of(recipients, "message")}, sent as fast as the provider takes them (no pace configured).";

    public static string Cost(decimal total, string currency, string asOf, string breakdown, int unpriced) =>
        $"About {total.ToString("0.00", CultureInfo.InvariantCulture)} {currency}, an estimate from the configured rate table"
        + (asOf.Length > 0 ? $" (rates as of {asOf})" : "") + $", not a bill: {breakdown}."
        + (unpriced > 0 ? $" {Plural.Of(unpriced, "number")} without a rate not counted." : "");

    private static string Span(TimeSpan duration) =>
        duration < TimeSpan.FromMinutes(1) ? Plural.Of((int)Math.Ceiling(duration.TotalSeconds), "second")
        : duration < TimeSpan.FromHours(1) ? Plural.Of((int)Math.Ceiling(duration.TotalMinutes), "minute")
        : $"{(int)duration.TotalHours} h {duration.Minutes} min";

    /// <summary>"rows 3, 7 and 12", the first few of many ("rows 3, 7, 12 and 40 more").</summary>
    public static string Rows(IReadOnlyList<int> rows, int shown = 5) => Listed("row", rows.Select(r => r.ToString(CultureInfo.InvariantCulture)).ToList(), shown);

    public static string Listed(string noun, IReadOnlyList<string> items, int shown = 5) =>
        (items.Count == 1 ? noun + " " : noun + "s ") + And(items.Take(shown).ToList(), Math.Max(0, items.Count - shown));

    /// <summary>"a, b and c"; "a, b and 40 more".</summary>
    public static string And(IReadOnlyList<string> items, int more = 0) =>
        more > 0 ? string.Join(", ", items) + $" and {more:N0} more"
        : items.Count <= 1 ? string.Join("", items)
        : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1];
}
