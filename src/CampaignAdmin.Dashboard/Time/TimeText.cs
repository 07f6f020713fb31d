using System.Globalization;
using System.Text;
using CampaignAdmin.Contracts.Wire;

namespace CampaignAdmin.Dashboard.Time;

/// <summary>Times as people read them: in their zone, and relative to now ("in 3 h", "2 days ago").</summary>
public static class TimeText
{
    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-GB");

    public static string Local(DateTimeOffset time, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(time, zone).ToString("d MMM yyyy, HH:mm", Culture);

    public static string Local(string? wireTime, TimeZoneInfo zone) =>
        WireTime.Parse(wireTime) is { } time ? Local(time, zone) : "—";

    public static string Relative(DateTimeOffset time, DateTimeOffset now)
    {
        var delta = time - now;
        if (delta.Duration() < TimeSpan.FromMinutes(1)) return "now";
        return delta > TimeSpan.Zero ? $"in {Duration(delta)}" : $"{Duration(delta.Negate())} ago";
    }

    public static string Relative(string? wireTime, DateTimeOffset now) =>
        WireTime.Parse(wireTime) is { } time ? Relative(time, now) : "";

    /// <summary>"2 days 3 h", "3 h 5 min", "12 min": the two largest units.</summary>
    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.FromMinutes(1)) return "less than a minute";
        var parts = new List<string>(2);
        if (span.Days > 0) parts.Add(span.Days == 1 ? "1 day" : $"{span.Days} days");
        if (span.Hours > 0) parts.Add($"{span.Hours} h");
        if (span.Days == 0 && span.Minutes > 0) parts.Add($"{span.Minutes} min");
        var builder = new StringBuilder();
        foreach (var part in parts.Take(2)) builder.Append(builder.Length > 0 ? " " : "").Append(part);
        return builder.ToString();
    }
}
