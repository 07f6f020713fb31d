using System.Text;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Templates;
using CampaignAdmin.Import.Reading;
using CampaignAdmin.Import.Recipients;
using CampaignAdmin.Import.Reports;

namespace CampaignAdmin.Import.Tests;

/// <summary>Whatever our sample and our exports write, our import reads back as it was: numbers, values, Arabic.</summary>
public class RoundTripTests
{
    private static readonly CampaignResponse Campaign = new() { ReportHeaders = ["AccountID", "Body {{1}}", "Body {{2}}", "Status", "Error"] };

    private static readonly CampaignMessage[] Messages =
    [
        new() { AccountId = "+966539078942", Params = ["محمد", "=1+1"], Status = "READ", SentAt = "2026-03-01T06:00:00Z" },
        new() { AccountId = "+966501230000", Params = ["-20% off", "@home"], Status = "FAILED", ErrorCode = 131026, Error = "Message undeliverable" },
        new() { AccountId = "+966539078944", Params = ["فاطمة", "ORD-2"], Status = "SUBMITTED" },
    ];

    private static ImportSession Import(byte[] file, string name)
    {
        var table = SheetReader.Read(new MemoryStream(file), name);
        return new ImportSession(table, ColumnMatcher.AutoMap(table.Headers, Samples.TwoBodyVariables));
    }

    [Fact]
    public void TheSampleCsvImportsBackWithItsNumbersAndExamples()
    {
        var template = new TemplateDto
        {
            Variables = [Samples.TwoBodyVariables[0], new() { Slot = 2, Kind = VariableKind.Body, Label = "Body {{2}}", Example = "-10%" }],
        };

        var session = Import(SampleFiles.Utf8WithBom(SampleFiles.SampleCsv(template)), "sample.csv");

        Assert.Empty(session.Problems);
        Assert.Equal(["+966539078942", "+966539078944"], session.Accepted.Select(r => r.AccountId));
        Assert.All(session.Accepted, r => Assert.Equal(["John", "-10%"], r.Params));
    }

    [Fact]
    public async Task ACsvExportImportsBackWithTheSameNumbersAndValues()
    {
        using var output = new MemoryStream();
        await CampaignReport.WriteCsvAsync(output, Campaign, Samples.Async(Messages), TimeZoneInfo.Utc);

        var session = Import(output.ToArray(), "campaign-7.csv");

        Assert.Empty(session.Problems);
        Assert.Equal(Messages.Select(m => m.AccountId), session.Accepted.Select(r => r.AccountId));
        Assert.Equal(Messages.Select(m => m.Params), session.Accepted.Select(r => r.Params.ToList()));
    }

    [Fact]
    public async Task AnXlsxExportImportsBackWithTheSameNumbersAndValues()
    {
        using var output = new MemoryStream();
        await CampaignReport.WriteXlsxAsync(output, Campaign, Messages, TimeZoneInfo.Utc);

        var session = Import(output.ToArray(), "campaign-7.xlsx");

        Assert.Empty(session.Problems);
        Assert.Equal(Messages.Select(m => m.AccountId), session.Accepted.Select(r => r.AccountId));
        Assert.Equal(Messages.Select(m => m.Params), session.Accepted.Select(r => r.Params.ToList()));
    }

    private static readonly List<TemplateVariable> Meant =
    [
        new() { Slot = 1, Kind = VariableKind.Body, Label = "Body {{1}}", Meaning = "customer name", Example = "John" },
        new() { Slot = 2, Kind = VariableKind.Body, Label = "Body {{2}}", Meaning = "order number", Example = "ORD-12345" },
    ];

    [Fact]
    public void ASampleHeadedWithMeaningsImportsBackToItsVariables()
    {
        var csv = SampleFiles.SampleCsv(new TemplateDto { Variables = Meant });
        Assert.StartsWith("Account ID,{{1}} customer name · John,{{2}} order number · ORD-12345\r\n", csv);

        var table = SheetReader.Read(new MemoryStream(SampleFiles.Utf8WithBom(csv)), "sample.csv");
        var session = new ImportSession(table, ColumnMatcher.AutoMap(table.Headers, Meant));

        Assert.Empty(session.Problems);
        Assert.All(session.Accepted, r => Assert.Equal(["John", "ORD-12345"], r.Params));
    }

    [Fact]
    public async Task AnExportHeadedLikeTheGridImportsBackWithTheSameValues()
    {
        var campaign = new CampaignResponse { ReportHeaders = [.. ColumnHeadings.Of(Meant)] };
        using var output = new MemoryStream();
        await CampaignReport.WriteCsvAsync(output, campaign, Samples.Async(Messages), TimeZoneInfo.Utc);

        var table = SheetReader.Read(new MemoryStream(output.ToArray()), "campaign-7.csv");
        Assert.Equal(["AccountID", "{{1}} customer name · John", "{{2}} order number · ORD-12345"], table.Headers.Take(3));
        var session = new ImportSession(table, ColumnMatcher.AutoMap(table.Headers, Meant));

        Assert.Empty(session.Problems);
        Assert.Equal(Messages.Select(m => m.Params), session.Accepted.Select(r => r.Params.ToList()));
    }

    [Theory]
    [InlineData("'+966539078942", "+966539078942")]
    [InlineData("'=1+1", "=1+1")]
    [InlineData("'\tTab", "\tTab")]
    [InlineData("'quoted'", "'quoted'")]
    [InlineData("''+966", "''+966")]
    [InlineData("'", "'")]
    public void OnlyTheGuardNeutralizeAddsIsTakenOff(string cell, string expected)
    {
        var table = SheetReader.Read(new MemoryStream(Encoding.UTF8.GetBytes($"Account ID\n\"{cell}\"\n")), "one.csv");

        Assert.Equal(expected, table.Rows[0].Cells[0]);
    }
}
