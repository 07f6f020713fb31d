using CampaignAdmin.Dashboard.Text;

namespace CampaignAdmin.Dashboard.Live;

/// <summary>
/// What the pages say about how current they are (<c>data-testid="live-state"</c>). The texts are English in the code (the
/// refresher compares them); <see cref="Shown"/> says them in the page's language.
/// </summary>
public static class LiveTexts
{
    public const string Live = "Live: changes appear as they happen.";

    public const string CampaignFinal = "Not live: every message is final.";

    public const string ListFinal = "Not live: no campaign on this page is sending.";

    private const string ByWebhooks = "Live: messages change as the API's webhooks arrive; the campaign is read again every {0} s as well.";
    private const string Every = "Refreshing every {0} s: this Campaign API sends no live updates.";

    /// <summary>The vendor's webhooks push each message's change, not the campaign's own (started, finished).</summary>
    public static string LiveByWebhooks(TimeSpan every) => string.Format(System.Globalization.CultureInfo.InvariantCulture, ByWebhooksFormat, Seconds(every));

    public static string Polling(TimeSpan every) => string.Format(System.Globalization.CultureInfo.InvariantCulture, EveryFormat, Seconds(every));

    private static readonly System.Text.CompositeFormat ByWebhooksFormat = System.Text.CompositeFormat.Parse(ByWebhooks), EveryFormat = System.Text.CompositeFormat.Parse(Every);

    /// <summary><paramref name="text"/> (one of the texts above) in the page's language; a text it does not know as it is.</summary>
    public static string Shown(string text)
    {
        if (text is Live or CampaignFinal or ListFinal) return Localized.Text(typeof(LiveTexts), text);
        var digits = new string([.. text.Where(char.IsAsciiDigit)]);
        if (digits.Length == 0 || !int.TryParse(digits, System.Globalization.CultureInfo.InvariantCulture, out var seconds)) return text;
        var every = TimeSpan.FromSeconds(seconds);
        return text == Polling(every) ? Localized.Format(typeof(LiveTexts), Every, seconds)
            : text == LiveByWebhooks(every) ? Localized.Format(typeof(LiveTexts), ByWebhooks, seconds)
            : text;
    }

    private static string Seconds(TimeSpan span) => Math.Max(1, (int)Math.Round(span.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
