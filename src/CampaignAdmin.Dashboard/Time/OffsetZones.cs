using System.Globalization;

namespace CampaignAdmin.Dashboard.Time;

/// <summary>
/// A time on the wire keeps only its offset (<c>+03:00</c>), and an offset is not a zone. These find the zone to show such a
/// time in: one that has that offset at that instant, or a fixed <c>UTC+03:00</c> when no known zone does.
/// </summary>
public static class OffsetZones
{
    /// <summary>Zones tried, in order, when the viewer's own has another offset at that instant.</summary>
    public static IReadOnlyList<string> Known { get; } =
    [
        "UTC", "Asia/Riyadh", "Asia/Dubai", "Africa/Cairo", "Europe/London", "Europe/Paris", "Europe/Istanbul", "Asia/Karachi",
        "Asia/Kolkata", "Asia/Dhaka", "Asia/Jakarta", "Asia/Singapore", "Asia/Tokyo", "Australia/Sydney", "America/Sao_Paulo",
        "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles",
    ];

    /// <summary>
    /// The zone <paramref name="time"/> was given in, as far as its offset says: <paramref name="preferred"/> (the viewer's)
    /// if it has that offset then, else the first of <see cref="Known"/> that has, else a fixed offset.
    /// </summary>
    public static TimeZoneInfo For(DateTimeOffset time, TimeZoneInfo preferred)
    {
        if (preferred.GetUtcOffset(time) == time.Offset) return preferred;
        foreach (var id in Known)
            if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.GetUtcOffset(time) == time.Offset) return zone;
        return Fixed(time.Offset);
    }

    /// <summary>"UTC+03:00", "UTC-04:30": a zone that is always that offset.</summary>
    public static TimeZoneInfo Fixed(TimeSpan offset)
    {
        var id = Name(offset);
        return TimeZoneInfo.CreateCustomTimeZone(id, offset, id, id);
    }

    /// <summary>"UTC+03:00", "UTC+00:00", "UTC-04:30".</summary>
    public static string Name(TimeSpan offset) =>
        "UTC" + (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    /// <summary>A fixed zone named like <see cref="Name"/>, or <c>null</c> for any other text.</summary>
    public static TimeZoneInfo? Parse(string? id)
    {
        if (id is not { Length: 9 } || !id.StartsWith("UTC", StringComparison.Ordinal) || id[3] is not ('+' or '-')) return null;
        if (!TimeSpan.TryParseExact(id[4..], @"hh\:mm", CultureInfo.InvariantCulture, out var offset) || offset > TimeSpan.FromHours(14)) return null;
        return Fixed(id[3] == '-' ? offset.Negate() : offset);
    }
}
