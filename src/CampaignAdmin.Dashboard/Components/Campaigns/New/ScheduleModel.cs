using System.Globalization;
using CampaignAdmin.Contracts.Validation;
using CampaignAdmin.Dashboard.Components.Shared;
using CampaignAdmin.Dashboard.Text;
using CampaignAdmin.Dashboard.Time;

namespace CampaignAdmin.Dashboard.Components.Campaigns.New;

/// <summary>
/// "Send now", or a calendar date + time of day in a time zone. <see cref="SendAt"/> is exactly what the campaign
/// will carry: ISO 8601 with the zone's offset on that date, or (while incomplete or impossible) the partial text, so
/// the shared validator judges it like the server would.
/// </summary>
public sealed class ScheduleModel
{
    public bool SendNow { get; set; } = true;
    public DateTime? Date { get; set; }
    public TimeSpan? Time { get; set; }
    public string ZoneId { get; set; } = "UTC";

    public TimeZoneInfo? Zone => BrowserTimeZone.Find(ZoneId);

    public DateTime? LocalTime => Date is { } date && Time is { } time ? DateTime.SpecifyKind(date.Date + time, DateTimeKind.Unspecified) : null;

    public bool IsComplete => LocalTime is not null && Zone is not null;

    /// <summary>A time skipped by a daylight-saving change (02:30 on the night clocks go forward) does not exist.</summary>
    public bool IsSkippedTime => IsComplete && Zone!.IsInvalidTime(LocalTime!.Value);

    public DateTimeOffset? Value => IsComplete && !IsSkippedTime
        ? new DateTimeOffset(LocalTime!.Value, Zone!.GetUtcOffset(LocalTime.Value))
        : null;

    public string SendAt => SendNow ? ""
        : Value is { } value ? SendAtFormat.Format(value)
        : LocalTime is { } local ? local.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)
        : Date is { } date ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : "";

    public bool IsInPast(DateTimeOffset now) => Value is { } value && value <= now;

    /// <summary>Why the schedule cannot be used yet, beyond what the shared rules say; <c>null</c> when it can.</summary>
    public string? Problem => SendNow ? null
        : Date is null || Time is null ? Localized.Text(typeof(ScheduleModel), "Pick the date and time to send, or choose Send now.")
        : Zone is null ? Localized.Format(typeof(ScheduleModel), "Unknown time zone \"{0}\".", ZoneId)
        : IsSkippedTime ? Localized.Format(typeof(ScheduleModel), "{0:HH:mm} does not exist in {1} on that day (the clocks go forward). Pick another time.", LocalTime, ZoneId)
        : null;

    /// <summary>"sends in 2 days 3 h (09:00 Asia/Riyadh = 06:00 UTC)".</summary>
    public string Describe(DateTimeOffset now)
    {
        if (SendNow) return Localized.Text(typeof(ScheduleModel), "Sends as soon as the campaign is created.");
        if (Value is not { } value) return "";
        var when = value <= now ? Localized.Format(typeof(ScheduleModel), "was {0} ago", TimeText.Duration(now - value))
            : Localized.Format(typeof(ScheduleModel), "sends in {0}", TimeText.Duration(value - now));
        // Clock times stay HH:mm in any culture (no AM/PM marker, Latin digits): they are compared with the UTC line.
        return $"{when} ({value.ToString("HH:mm", CultureInfo.InvariantCulture)} {ZoneId} = {value.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture)} UTC)";
    }

    public void SetFrom(DateTimeOffset value, string zoneId)
    {
        ZoneId = zoneId;
        var local = BrowserTimeZone.Find(zoneId) is { } zone ? TimeZoneInfo.ConvertTime(value, zone) : value;
        Date = local.Date;
        Time = local.TimeOfDay;
        SendNow = false;
    }
}
