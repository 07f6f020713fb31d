namespace CampaignAdmin.Dashboard.Live;

/// <summary>What the pages say about how current they are (<c>data-testid="live-state"</c>).</summary>
public static class LiveTexts
{
    public const string Live = "Live: changes appear as they happen.";

    public const string CampaignFinal = "Not live: every message is final.";

    public const string ListFinal = "Not live: no campaign on this page is sending.";

    /// <summary>The vendor's webhooks push each message's change, not the campaign's own (started, finished).</summary>
    public static string LiveByWebhooks(TimeSpan every) =>
        $"Live: messages change as the API's webhooks arrive; the campaign is read again every {Seconds(every)} s as well.";

    public static string Polling(TimeSpan every) => $"Refreshing every {Seconds(every)} s: this Campaign API sends no live updates.";

    private static string Seconds(TimeSpan span) => Math.Max(1, (int)Math.Round(span.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
