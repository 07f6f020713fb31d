using CampaignAdmin.Contracts.Templates;
using CampaignAdmin.Dashboard.Tests.Support;
using CampaignAdmin.Import.Recipients;

namespace CampaignAdmin.Dashboard.Tests;

/// <summary>One heading per variable: what it means and an example, the same in the grid, the sample CSV and the export.</summary>
public sealed class ColumnHeadingsTests : BuilderTestBase
{
    [Theory]
    [InlineData("BODY", "Body {{1}}", "customer name", "John", "{{1}} customer name · John")]
    [InlineData("BODY", "Body {{2}}", "", "ORD-12345", "{{2}} · ORD-12345")]
    [InlineData("BODY", "Body {{1}}", "", "", "Body {{1}}")]
    [InlineData("HEADER_TEXT", "Header {{1}}", "season", "Spring", "Header {{1}} season · Spring")]
    [InlineData("HEADER_MEDIA", "Header image URL", "", "https://example.com/image1.png", "Header image URL · https://example.com/image1.png")]
    [InlineData("COPY_CODE", "Button 1 coupon code", "", "SAVE20", "Button 1 coupon code · SAVE20")]
    [InlineData("BODY", "Body {{1}}", "", "a very long example that goes on and on and on", "{{1}} · a very long example that goes on and on…")]
    public void AHeadingSaysWhereWhatAndAnExample(string kind, string label, string meaning, string example, string heading) =>
        Assert.Equal(heading, ColumnHeadings.Of(new TemplateVariable { Slot = 1, Kind = kind, Label = label, Meaning = meaning, Example = example }));

    [Fact]
    public void TheGridAndTheSampleCsvShareTheHeadings()
    {
        var builder = OpenBuilder(TestTemplates.OrderConfirmationId);

        Assert.Equal(["#", "Account ID", "{{1}} customer name · John", "{{2}} order number · ORD-12345", "Actions"], builder.Columns);
        Assert.StartsWith("Account ID,{{1}} customer name · John,{{2}} order number · ORD-12345\r\n", SampleFiles.SampleCsv(TestTemplates.OrderConfirmation));
    }

    [Fact]
    public void TheHeadingsMapBackToTheirVariablesOnImport()
    {
        var variables = TestTemplates.WelcomeImage.EffectiveVariables;
        var mapping = ColumnMatcher.AutoMap(["Account ID", .. ColumnHeadings.Of(variables.Reverse())], variables);

        Assert.Equal([2, 1], mapping.Variables.Select(v => v.Column));
    }
}
