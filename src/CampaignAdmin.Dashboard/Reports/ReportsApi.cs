using CampaignAdmin.Client;
using CampaignAdmin.Import.Recipients;
using CampaignAdmin.Import.Reports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CampaignAdmin.Dashboard.Reports;

/// <summary>
/// Files the dashboard serves to a normal link (no circuit involved): a campaign's message report as CSV or XLSX, a
/// template's sample CSV, and files made during an import. All need a signed-in user.
/// </summary>
public static class ReportsApi
{
    public const string Csv = "text/csv; charset=utf-8";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").RequireAuthorization().ExcludeFromDescription();
        group.MapGet("/campaigns/{id:int}/export.csv", ExportCsvAsync);
        group.MapGet("/campaigns/{id:int}/export.xlsx", ExportXlsxAsync);
        group.MapGet("/templates/{id}/sample.csv", SampleCsvAsync);
        group.MapGet("/downloads/{token}", Download);
        return app;
    }

    /// <summary>The report link for what the messages grid shows: its status filter and the viewer's zone.</summary>
    public static string ExportUrl(int campaignId, string format, string? status, TimeZoneInfo zone) =>
        $"campaigns/{campaignId}/export.{format}?status={Uri.EscapeDataString(status ?? "")}&tz={Uri.EscapeDataString(zone.Id)}";

    public static string SampleUrl(string templateId) => $"templates/{Uri.EscapeDataString(templateId)}/sample.csv";

    private static async Task<Results<PushStreamHttpResult, NotFound<string>, BadRequest<string>>> ExportCsvAsync(
        [AsParameters] ExportRequest request, CancellationToken cancellationToken)
    {
        if (request.WhyNot() is { } badRequest) return badRequest;
        if (await request.PrepareAsync("CSV", cancellationToken) is not { } report) return TypedResults.NotFound($"No campaign {request.Id}.");
        return TypedResults.Stream(
            body => CampaignReport.WriteCsvAsync(body, report.Campaign, report.Messages(cancellationToken), report.Zone, cancellationToken),
            Csv, ReportFileNames.For(request.Id, report.Campaign.Name, "csv"));
    }

    // MiniExcel writes synchronously and Kestrel forbids synchronous IO: build the workbook in a temp file that deletes
    // itself once sent, fed page by page, then stream that file.
    private static async Task<Results<FileStreamHttpResult, NotFound<string>, BadRequest<string>>> ExportXlsxAsync(
        [AsParameters] ExportRequest request, CancellationToken cancellationToken)
    {
        if (request.WhyNot() is { } badRequest) return badRequest;
        if (await request.PrepareAsync("XLSX", cancellationToken) is not { } report) return TypedResults.NotFound($"No campaign {request.Id}.");
        var file = new FileStream(Path.Combine(Path.GetTempPath(), $"campaign-export-{Guid.NewGuid():N}.xlsx"), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var (messages, producer) = MessagePages.Buffered(report.Messages(stop.Token), stop.Token);
        try
        {
            await Task.Run(() => CampaignReport.WriteXlsxAsync(file, report.Campaign, messages, report.Zone, stop.Token), stop.Token);
            await producer;
        }
        catch
        {
            // The writer failed (or the client left): stop fetching pages, drop the half-written file.
            await stop.CancelAsync();
            await Task.WhenAny(producer);
            await file.DisposeAsync();
            throw;
        }
        file.Position = 0;
        return TypedResults.File(file, Xlsx, ReportFileNames.For(request.Id, report.Campaign.Name, "xlsx"));
    }

    private static async Task<Results<FileContentHttpResult, NotFound<string>>> SampleCsvAsync(string id, ITemplatesApi templates, CancellationToken cancellationToken)
    {
        var all = await templates.GetTemplatesAsync(cancellationToken);
        if (all.Items.FirstOrDefault(t => string.Equals(t.Id, id, StringComparison.OrdinalIgnoreCase)) is not { } template)
            return TypedResults.NotFound($"No template {id}.");
        var name = ReportFileNames.Slug(template.Name.Replace('_', '-')) is { Length: > 0 } slug ? slug : "template";
        return TypedResults.File(SampleFiles.Utf8WithBom(SampleFiles.SampleCsv(template)), Csv, $"{name}-sample.csv");
    }

    private static Results<FileContentHttpResult, NotFound> Download(string token, DownloadStore store) =>
        store.Get(token) is { } file ? TypedResults.File(file.Content, file.ContentType, file.FileName) : TypedResults.NotFound();
}
