using System.Text;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Import.Reports;
using MiniExcelLibs;

namespace CampaignAdmin.Import.Tests;

public class CampaignReportTests
{
    private static readonly CampaignResponse Campaign = new() { ReportHeaders = ["AccountID", "Body {{1}}", "Body {{2}}", "Status", "Error"] };
    private static readonly TimeZoneInfo Riyadh = TimeZoneInfo.FindSystemTimeZoneById("Asia/Riyadh");

    private static IEnumerable<CampaignMessage> Messages() =>
    [
        new() { AccountId = "+966539078942", Params = ["=1+1", "@SUM(A1)"], Status = "READ", SentAt = "2026-03-01T06:00:00Z", DeliveredAt = "2026-03-01T06:00:02Z", ReadAt = "2026-03-01T06:05:00Z" },
        new() { AccountId = "+966501230000", Params = ["-2+3", "\tTab"], Status = "FAILED", ErrorCode = 131026, Error = "Message undeliverable" },
        new() { AccountId = "+966539078944", Params = ["محمد", "ORD-2"], Status = "SUBMITTED" },
    ];

    [Fact]
    public async Task CsvHasTheReportColumnsTimesInTheViewersZoneAndNoLiveFormulas()
    {
        using var output = new MemoryStream();

        await CampaignReport.WriteCsvAsync(output, Campaign, Samples.Async(Messages()), Riyadh);

        var bytes = output.ToArray();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal("AccountID,Body {{1}},Body {{2}},Status,Error code,Error,Sent at (Asia/Riyadh),Delivered at (Asia/Riyadh),Read at (Asia/Riyadh)", lines[0]);
        Assert.Equal("'+966539078942,'=1+1,'@SUM(A1),READ,,,2026-03-01 09:00:00,2026-03-01 09:00:02,2026-03-01 09:05:00", lines[1]);
        Assert.Equal("'+966501230000,'-2+3,'\tTab,FAILED,131026,Message undeliverable,,,", lines[2]);
        Assert.Equal("'+966539078944,محمد,ORD-2,SUBMITTED,,,,,", lines[3]);
    }

    [Fact]
    public async Task XlsxKeepsNumbersAsTextAndNeutralisesFormulas()
    {
        using var output = new MemoryStream();

        await CampaignReport.WriteXlsxAsync(output, Campaign, Messages(), Riyadh);
        output.Position = 0;
        var rows = MiniExcel.Query(output, useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();

        Assert.Equal(["AccountID", "Body {{1}}", "Body {{2}}", "Status", "Error code", "Error", "Sent at (Asia/Riyadh)", "Delivered at (Asia/Riyadh)", "Read at (Asia/Riyadh)"], rows[0].Values.Select(v => v?.ToString()));
        Assert.Equal("+966539078942", rows[1]["A"]);
        Assert.Equal("'=1+1", rows[1]["B"]);
        Assert.Equal("'@SUM(A1)", rows[1]["C"]);
        Assert.Equal("2026-03-01 09:00:00", rows[1]["G"]?.ToString());
        Assert.Equal("'-2+3", rows[2]["B"]);
        Assert.Equal("محمد", rows[3]["B"]);
    }

    [Theory]
    [InlineData("=cmd", "'=cmd")]
    [InlineData("+966", "'+966")]
    [InlineData("-1", "'-1")]
    [InlineData("@x", "'@x")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("\nx", "'\nx")]
    [InlineData("plain", "plain")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    public void CellsThatCouldBeFormulasAreNeutralised(string cell, string expected) =>
        Assert.Equal(expected, Spreadsheet.Neutralize(cell));
}
