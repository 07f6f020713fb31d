using CampaignAdmin.Client;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Dashboard.Audit;
using CampaignAdmin.Dashboard.Time;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CampaignAdmin.Dashboard.Reports;

/// <summary>
/// One message export as its link asks for it (<c>/campaigns/{id}/export.{format}?status=&amp;tz=</c>) with the services it
/// needs, bound by the endpoint (<c>[AsParameters]</c>): checked, audited and made whole (<see cref="ReportInput"/>) the
/// same way for CSV and XLSX.
/// </summary>
internal sealed record ExportRequest(int Id, string? Status, string? Tz, ICampaignApi Api, ITemplatesApi Templates, StatusVocabulary Words,
    ApiCapabilities Capabilities, HttpContext Http, IAuditLog Audit, TimeProvider Time, ILoggerFactory Loggers)
{
    /// <summary>The status filter in our words, or <c>null</c> for every message.</summary>
    private string? Filter => string.IsNullOrWhiteSpace(Status) ? null : Status.Trim().ToUpperInvariant();

    /// <summary>Why the link can't be served, or <c>null</c>.</summary>
    public BadRequest<string>? WhyNot() =>
        Filter is { } filter && MessageStatuses.Parse(filter) == MessageStatus.Unknown ? TypedResults.BadRequest($"Unknown status \"{Status}\".") : null;

    /// <summary>The report to write, or <c>null</c> when the API has no such campaign. Who took it is on record first.</summary>
    public async Task<Report?> PrepareAsync(string format, CancellationToken cancellationToken)
    {
        if (await Api.GetCampaignAsync(Id, Capabilities, cancellationToken) is not { } found) return null;
        // A report carries customers' numbers: who took one, of which campaign, is on record.
        await Audit.WriteAsync(AuditEntry.By(Http.User, Http.Connection.RemoteIpAddress?.ToString() ?? "", Time, AuditActions.MessagesExported,
            details: Filter is null ? $"{format}, all messages" : $"{format}, {Filter} messages", campaignId: found.Id, campaignName: found.Name),
            cancellationToken);
        var log = Loggers.CreateLogger(typeof(ReportsApi));
        var campaign = await ReportInput.WithColumnsAsync(found, Templates, log, cancellationToken);
        return new Report(campaign, BrowserTimeZone.Find(Tz) ?? TimeZoneInfo.Utc,
            cancel => Api.ReadAllAsync(Id, Filter, Words, Capabilities, log, cancel).InDashboardWords(Words, cancel));
    }

    /// <summary>What goes into the file: the campaign with its columns, the viewer's zone, and its messages page by page.</summary>
    public sealed record Report(CampaignResponse Campaign, TimeZoneInfo Zone, Func<CancellationToken, IAsyncEnumerable<CampaignMessage>> Messages);
}
