using System.Globalization;
using System.Text;
using CampaignAdmin.Contracts.Wire;
using CampaignAdmin.Dashboard.Text;

namespace CampaignAdmin.Dashboard.Time;

/// <summary>Times as people read them: in their zone, and relative to now ("in 3 h", "2 days ago").</summary>
public static class TimeText
{
    private static readonly CultureInfo EnglishCulture = CultureInfo.GetCultureInfo("en-GB");

    // English pages read "8 Dec 2026, 09:00" (day first, the 24-hour clock); Arabic ones the same pattern in Arabic month names.
    private static CultureInfo Culture => DashboardCultures.IsRightToLeft ? CultureInfo.CurrentCulture : EnglishCulture;

    /// <summary>The one date format of every page: "8 Dec 2026, 09:00".</summary>
    public const string Format = "d MMM yyyy, HH:mm";

    public static string Local(DateTimeOffset time, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(time, zone).ToString(Format, Culture);

    public static string Local(string? wireTime, TimeZoneInfo zone) =>
        WireTime.Parse(wireTime) is { } time ? Local(time, zone) : "—";

    /// <summary>A time the dashboard keeps itself (audit, users), in UTC.</summary>
    public static string Local(DateTime utc, TimeZoneInfo zone) =>
        Local(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), zone);

    /// <summary>"Asia/Riyadh (UTC+03:00)": the zone and its offset at <paramref name="at"/>; "UTC" and "UTC+03:00" say it already.</summary>
    public static string Zone(TimeZoneInfo zone, DateTimeOffset at)
    {
        var offset = OffsetZones.Name(zone.GetUtcOffset(at));
        return zone.Id == offset || zone.Id == "UTC" && zone.BaseUtcOffset == TimeSpan.Zero ? zone.Id : $"{zone.Id} ({offset})";
    }

    /// <summary>"Times in Asia/Riyadh (UTC+03:00)": said once above times that all show in the viewer's zone.</summary>
    public static string TimesIn(TimeZoneInfo zone, DateTimeOffset now) => Say("Times in {0}", Zone(zone, now));

    /// <summary>"Updated (Europe/London)": a column of times says which zone they are in (the caller gives the title in the page's language).</summary>
    public static string Column(string title, TimeZoneInfo zone) => $"{title} ({zone.Id})";

    public static string Relative(DateTimeOffset time, DateTimeOffset now)
    {
        var delta = time - now;
        if (delta.Duration() < TimeSpan.FromMinutes(1)) return Say("now");
        return delta > TimeSpan.Zero ? Say("in {0}", Duration(delta)) : Say("{0} ago", Duration(delta.Negate()));
    }

    public static string Relative(string? wireTime, DateTimeOffset now) =>
        WireTime.Parse(wireTime) is { } time ? Relative(time, now) : "";

    /// <summary>"2 days 3 h", "3 h 5 min", "12 min": the two largest units. In Arabic: "يومان 3 س"، "3 س 5 د".</summary>
    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.FromMinutes(1)) return Say("less than a minute");
        var parts = new List<string>(2);
        if (span.Days > 0) parts.Add(IsArabic ? Plural.Counted(span.Days, "day") : span.Days == 1 ? "1 day" : $"{span.Days} days");
        if (span.Hours > 0) parts.Add(Say("{0} h", span.Hours));
        if (span.Days == 0 && span.Minutes > 0) parts.Add(Say("{0} min", span.Minutes));
        var builder = new StringBuilder();
        foreach (var part in parts.Take(2)) builder.Append(builder.Length > 0 ? " " : "").Append(part);
        return builder.ToString();
    }

    private static bool IsArabic => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == DashboardCultures.Arabic;

    private static string Say(string english, params object?[] values) => Localized.Format(typeof(TimeText), english, values);
}
