using System.Text.Json;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Wire;

namespace CampaignAdmin.Contracts.Tests.Wire;

/// <summary>Go's <c>ReportHeaders interface{}</c>: whatever comes, the dashboard gets a list of strings.</summary>
public class TolerantStringListConverterTests
{
    private static IReadOnlyList<string> ReportHeaders(string value) =>
        JsonSerializer.Deserialize<CampaignResponse>($$"""{"ID":1,"ReportHeaders":{{value}},"Name":"after"}""", CampaignJson.Options)!.ReportHeaders;

    [Fact]
    public void ArrayOfStringsIsRead() =>
        Assert.Equal(["AccountID", "Body {{1}}", "Status", "Error"], ReportHeaders("""["AccountID","Body {{1}}","Status","Error"]"""));

    [Fact]
    public void NullReadsAsEmpty() => Assert.Empty(ReportHeaders("null"));

    [Theory]
    [InlineData("""{"AccountID":"string","Status":"string"}""")]
    [InlineData("\"AccountID\"")]
    [InlineData("42")]
    [InlineData("true")]
    public void AnythingButAnArrayReadsAsEmpty(string value) => Assert.Empty(ReportHeaders(value));

    [Fact]
    public void NonStringItemsAreKeptAsTheirJsonText() =>
        Assert.Equal(["a", "1", "null", "{\"x\":1}"], ReportHeaders("""["a",1,null,{"x":1}]"""));

    [Fact]
    public void ReadingAnObjectLeavesTheRestOfTheResponseIntact()
    {
        var response = JsonSerializer.Deserialize<CampaignResponse>("""{"ID":9,"ReportHeaders":{"nested":[1,2]},"Name":"after"}""", CampaignJson.Options)!;
        Assert.Equal((9, "after"), (response.Id, response.Name));
    }

    [Fact]
    public void MissingReportHeadersIsEmpty() =>
        Assert.Empty(JsonSerializer.Deserialize<CampaignResponse>("{}", CampaignJson.Options)!.ReportHeaders);

    [Fact]
    public void HeadersAreWrittenAsAnArrayOfStrings() =>
        Assert.Contains("\"ReportHeaders\":[\"AccountID\",\"Status\"]",
            JsonSerializer.Serialize(new CampaignResponse { ReportHeaders = ["AccountID", "Status"] }, CampaignJson.Options));
}
