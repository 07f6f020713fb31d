using System.Globalization;
using System.Text;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Wire;
using CsvHelper;
using MiniExcelLibs;

namespace CampaignAdmin.Import.Reports;

/// <summary>
/// A campaign's message report: AccountID, one column per template variable (the campaign's ReportHeaders), status,
/// error code and text, and the sent/delivered/read times in the viewer's zone. Written as messages arrive, page by
/// page, so a large campaign is never held in memory at once.
/// </summary>
public static class CampaignReport
{
    /// <summary>The columns; the time columns say which zone their times are in ("Sent at (Asia/Riyadh)").</summary>
    public static IReadOnlyList<string> Headers(CampaignResponse campaign, TimeZoneInfo? zone = null) =>
        ["AccountID", .. VariableHeaders(campaign), "Status", "Error code", "Error", .. TimeHeaders(zone)];

    private static readonly string[] TimeColumns = ["Sent at", "Delivered at", "Read at"];

    private static IEnumerable<string> TimeHeaders(TimeZoneInfo? zone) => TimeColumns.Select(h => zone is null ? h : $"{h} ({zone.Id})");

    /// <summary>The campaign's template variable columns: its ReportHeaders without the message's own fields.</summary>
    public static IReadOnlyList<string> VariableHeaders(CampaignResponse campaign) =>
        campaign.ReportHeaders.Where(h => h is not ("AccountID" or "Status" or "Error")).ToList();

    public static IReadOnlyList<string> Row(CampaignMessage message, int variableCount, TimeZoneInfo zone)
    {
        var cells = new List<string>(variableCount + 7) { message.AccountId };
        for (var i = 0; i < variableCount; i++) cells.Add(i < message.Params.Count ? message.Params[i] : "");
        cells.Add(message.Status);
        cells.Add(message.ErrorCode == 0 ? "" : message.ErrorCode.ToString(CultureInfo.InvariantCulture));
        cells.Add(message.Error);
        cells.Add(Local(message.SentAt, zone));
        cells.Add(Local(message.DeliveredAt, zone));
        cells.Add(Local(message.ReadAt, zone));
        return cells;
    }

    /// <summary>CSV in UTF-8 with a BOM (Excel reads Arabic right), every cell neutralised against formulas.</summary>
    public static async Task WriteCsvAsync(Stream output, CampaignResponse campaign, IAsyncEnumerable<CampaignMessage> messages,
        TimeZoneInfo zone, CancellationToken cancellationToken = default)
    {
        var headers = Headers(campaign, zone);
        var variableCount = headers.Count - 7;
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true);
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var header in headers) csv.WriteField(Spreadsheet.Neutralize(header));
        await csv.NextRecordAsync();
        var count = 0;
        await foreach (var message in messages.WithCancellation(cancellationToken))
        {
            foreach (var cell in Row(message, variableCount, zone)) csv.WriteField(Spreadsheet.Neutralize(cell));
            await csv.NextRecordAsync();
            if (++count % 1000 == 0) await csv.FlushAsync();
        }
        await csv.FlushAsync();
    }

    /// <summary>
    /// XLSX with every cell a text cell, neutralised like CSV except AccountID: a validated E.164 number in a text cell
    /// shows as <c>+966…</c> and can never be a formula. MiniExcel writes rows as they are enumerated.
    /// </summary>
    public static async Task WriteXlsxAsync(Stream output, CampaignResponse campaign, IEnumerable<CampaignMessage> messages,
        TimeZoneInfo zone, CancellationToken cancellationToken = default)
    {
        var headers = Headers(campaign, zone);
        var variableCount = headers.Count - 7;
        var keys = UniqueKeys(headers);
        IEnumerable<IDictionary<string, object>> Rows()
        {
            foreach (var message in messages)
            {
                var cells = Row(message, variableCount, zone);
                var row = new Dictionary<string, object>(cells.Count);
                for (var i = 0; i < cells.Count; i++) row[keys[i]] = i == 0 ? cells[i] : Spreadsheet.Neutralize(cells[i]);
                yield return row;
            }
        }
        var configuration = new MiniExcelLibs.OpenXml.OpenXmlConfiguration { FastMode = true, EnableWriteNullValueCell = true };
        await MiniExcel.SaveAsAsync(output, Rows(), printHeader: true, excelType: ExcelType.XLSX, configuration: configuration, cancellationToken: cancellationToken);
    }

    /// <summary>One key per column: a header seen before gets its column number, so two equal labels stay two columns.</summary>
    internal static string[] UniqueKeys(IReadOnlyList<string> headers)
    {
        var seen = new HashSet<string>(headers.Count, StringComparer.Ordinal);
        var keys = new string[headers.Count];
        for (var i = 0; i < headers.Count; i++)
            keys[i] = seen.Add(headers[i]) ? Spreadsheet.Neutralize(headers[i]) : $"{headers[i]} ({i + 1})";
        return keys;
    }

    private static string Local(string? wireTime, TimeZoneInfo zone) =>
        WireTime.Parse(wireTime) is { } time
            ? TimeZoneInfo.ConvertTime(time, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
            : "";
}
