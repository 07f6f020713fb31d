using Microsoft.JSInterop;

namespace CampaignAdmin.Dashboard.Time;

/// <summary>The viewer's time zone, asked once per circuit from the browser; UTC when the browser cannot say.</summary>
public sealed class BrowserTimeZone(IJSRuntime js)
{
    private TimeZoneInfo? _zone;

    public async Task<TimeZoneInfo> GetAsync()
    {
        if (_zone is not null) return _zone;
        string? id = null;
        try
        {
            id = await js.InvokeAsync<string?>("campaignAdmin.timeZone");
        }
        catch (Exception exception) when (exception is JSException or InvalidOperationException or TaskCanceledException)
        {
            // no browser (tests, prerendering) or no answer: fall back to UTC
        }
        return _zone = Find(id) ?? TimeZoneInfo.Utc;
    }

    /// <summary>An IANA zone (<c>Asia/Riyadh</c>), a fixed offset (<c>UTC+03:00</c>), or <c>null</c> when unknown here.</summary>
    public static TimeZoneInfo? Find(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) return null;
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : OffsetZones.Parse(id);
    }

    /// <summary>IANA ids of every zone this server knows, for the time-zone picker.</summary>
    public static IReadOnlyList<string> AllZoneIds { get; } =
        TimeZoneInfo.GetSystemTimeZones().Select(z => z.HasIanaId ? z.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(z.Id, out var iana) ? iana : z.Id)
            .Append("UTC").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
}
