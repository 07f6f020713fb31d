using CampaignAdmin.Dashboard.Audit;

namespace CampaignAdmin.Dashboard.Components.Audit;

/// <summary>What the Audit page's filter bar holds; dates are days in the viewer's time zone.</summary>
public sealed class AuditFilter
{
    public string? UserEmail { get; set; }
    public string? Action { get; set; }
    public int? CampaignId { get; set; }
    public DateTime? From { get; set; }
    public DateTime? To { get; set; }

    /// <summary>From the start of <see cref="From"/> to the end of <see cref="To"/>, in <paramref name="zone"/>, as UTC.</summary>
    public AuditQuery ToQuery(TimeZoneInfo zone) => new(
        string.IsNullOrEmpty(UserEmail) ? null : UserEmail,
        string.IsNullOrEmpty(Action) ? null : Action,
        CampaignId,
        From is { } from ? StartOfDayUtc(from, zone) : null,
        To is { } to ? StartOfDayUtc(to.AddDays(1), zone) : null);

    private static DateTime StartOfDayUtc(DateTime day, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(day.Date, DateTimeKind.Unspecified), zone);
}
