using System.Text;
using CampaignAdmin.Dashboard.Components.Campaigns.New.Import;
using CampaignAdmin.Dashboard.Reports;
using CampaignAdmin.Dashboard.Tests.Support;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CampaignAdmin.Dashboard.Tests;

public sealed partial class ImportDialogTests : BuilderTestBase
{
    // Row numbers as a spreadsheet shows them: the header is row 1.
    private const string Csv = """
        Phone,Body {{1}},Order
        0539078942,John,ORD-1
        +966539078944,Sara,ORD-2
        12345,Bad,ORD-3
        0539078942,Again,ORD-4
        ,Nobody,ORD-5
        """;

    public ImportDialogTests() => Services.AddSingleton<DownloadStore>();

    [Fact]
    public void HeadersAreMatchedTheRestByPositionAndTheFirstRowsPreviewedInE164()
    {
        var builder = OpenBuilder(TestTemplates.OrderConfirmationId);

        Upload(builder, Csv);

        Assert.Equal(["A: Phone", "B: Body {{1}}", "C: Order"], Dialogs.FindAll("input[data-testid^=map-]").Select(i => i.GetAttribute("value")));
        var preview = Dialogs.Find("[data-testid=import-preview]").TextContent;
        Assert.Contains("+966539078942", preview);
        Assert.Contains("not a valid number", preview);
        Assert.Contains("recipients.csv", Dialogs.Find("[data-testid=import-file-facts]").TextContent);
        Assert.False(Button("Check 5 rows").HasAttribute("disabled"));
    }

    [Fact]
    public void AVariableCanTakeOneFixedValueForEveryRow()
    {
        var builder = OpenBuilder(TestTemplates.OrderConfirmationId);
        Upload(builder, Csv);

        Choose(2, ImportMapping.FixedChoice);
        Dialogs.Find("input[data-testid=fixed-variable-2]").InputSettled("SPRING");
        Assert.Contains("SPRING", Dialogs.Find("[data-testid=import-preview]").TextContent);
        Button("Check 5 rows").ClickSettled();
        Dialogs.WaitForAssertion(() => Dialogs.Find("[data-testid=import-accept]"));
        Dialogs.Find("[data-testid=import-accept]").ClickSettled();

        builder.Page.WaitForAssertion(() => Assert.Equal(2, builder.RowCount));
        Assert.Equal("SPRING", builder.Cell(1, "{{2}}").GetAttribute("value"));
        Assert.Equal("+966539078942", builder.Cell(1, "Account ID").GetAttribute("value"));
    }

    [Fact]
    public void EveryProblemIsListedByRowAndIsFixedOrDroppedWithTheCountsShown()
    {
        var builder = OpenBuilder(TestTemplates.OrderConfirmationId);
        Upload(builder, Csv);
        Choose(2, "c2");
        Check();

        Assert.Equal(["4", "5", "6"], Dialogs.FindAll("[data-problem-row]").Select(r => r.GetAttribute("data-problem-row")));
        Assert.Contains("\"12345\" is not a valid phone number", Problem(4));
        Assert.Contains("+966539078942 is also on row 2", Problem(5));
        Assert.Contains("No phone number", Problem(6));
        Assert.Equal("5 rows read, 2 accepted, 0 dropped, 3 with problems", Stats);

        Dialogs.Find("input[aria-label='Row 4 Account ID']").InputSettled("053 907 8946");
        Dialogs.Find("button[aria-label='Fix row 4']").ClickSettled();
        Assert.Equal("5 rows read, 3 accepted (1 fixed), 0 dropped, 2 with problems", Stats);

        Dialogs.Find("button[aria-label='Drop row 6']").ClickSettled();
        Assert.Equal("5 rows read, 3 accepted (1 fixed), 1 dropped, 1 with problems", Stats);

        Button("Remove 1 duplicate row").ClickSettled();
        Assert.Equal("5 rows read, 3 accepted (1 fixed), 2 dropped", Stats);
        Assert.Contains("Every remaining row is ready to import.", Dialogs.Markup);

        Dialogs.Find("[data-testid=import-accept]").ClickSettled();
        builder.Page.WaitForAssertion(() => Assert.Equal(3, builder.RowCount));
        Assert.Equal("+966539078946", builder.Cell(3, "Account ID").GetAttribute("value"));
        Assert.Equal("ORD-3", builder.Cell(3, "{{2}}").GetAttribute("value"));
        Assert.Equal("Imported recipients.csv: 5 rows read, 3 accepted (1 fixed), 2 dropped.",
            builder.Page.Find("[data-testid=import-summary]").TextContent.Trim());
    }

    [Fact]
    public void RowsStillWrongAreDroppedOnlyWhenThePersonSaysSo()
    {
        var builder = OpenBuilder(TestTemplates.OrderConfirmationId);
        Upload(builder, Csv);
        Choose(2, "c2");
        Check();

        var accept = Dialogs.Find("[data-testid=import-accept]");
        Assert.Equal("Add 2 recipients, drop 3 with problems", accept.TextContent.Trim());
        accept.ClickSettled();

        builder.Page.WaitForAssertion(() => Assert.Equal(2, builder.RowCount));
        Assert.Contains("5 rows read, 2 accepted, 3 dropped", builder.Page.Find("[data-testid=import-summary]").TextContent);
    }

    [Fact]
    public void NumbersAlreadyInTheGridAreFlagged()
    {
        var builder = OpenBuilder(TestTemplates.OrderConfirmationId);
        builder.Type(1, "Account ID", "+966 53 907 8944");
        Upload(builder, Csv);
        Choose(2, "c2");
        Check();

        Assert.Contains("+966539078944 is already a recipient", Problem(3));
    }

    [Fact]
    public void RejectedRowsDownloadAsCsvWithTheirRowNumbersAndReasons()
    {
        var builder = OpenBuilder(TestTemplates.OrderConfirmationId);
        Upload(builder, Csv);
        Choose(2, "c2");
        Check();
        Dialogs.Find("button[aria-label='Drop row 6']").ClickSettled();

        var href = Dialogs.Find("[data-testid=download-rejected]").GetAttribute("href")!;
        var file = Services.GetRequiredService<DownloadStore>().Get(href["downloads/".Length..]);

        Assert.NotNull(file);
        Assert.Equal("recipients-rejected.csv", file.FileName);
        Assert.Equal(
            "Row,Problem,Account ID,{{1}} customer name · John,{{2}} order number · ORD-12345\r\n" +
            "4,\"\"\"12345\"\" is not a valid phone number\",12345,Bad,ORD-3\r\n" +
            "5,'+966539078942 is also on row 2,0539078942,Again,ORD-4\r\n" +
            "6,No phone number (dropped),,Nobody,ORD-5\r\n",
            Encoding.UTF8.GetString(file.Content).TrimStart('\uFEFF'));
    }

    [Fact]
    public void AFileThatCannotBeReadSaysWhy()
    {
        var builder = OpenBuilder(TestTemplates.OrderConfirmationId);

        UploadBytes(builder, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], "old.xls");

        Dialogs.WaitForAssertion(() => Assert.Contains("Old .xls workbooks cannot be read", Dialogs.Find("[data-testid=import-error]").TextContent));
    }

    private void Upload(BuilderDriver builder, string content, string fileName = "recipients.csv")
    {
        builder.Click("Import file");
        Dialogs.WaitForAssertion(() => Dialogs.FindComponent<InputFile>());
        Dialogs.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(content, fileName));
        Dialogs.WaitForAssertion(() => Assert.Equal(3, Selects().Count));
    }

    private IReadOnlyList<IRenderedComponent<MudSelect<string>>> Selects() => Dialogs.FindComponents<MudSelect<string>>();

    // What picking an entry in the select does (its popover list is MudBlazor's own, tested there).
    private void Choose(int variable, string value)
    {
        var select = Selects()[variable];
        select.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(value));
    }

    private void Check()
    {
        Button("Check 5 rows").ClickSettled();
        Dialogs.WaitForAssertion(() => Dialogs.Find("[data-testid=import-stats]"));
    }

    private AngleSharp.Dom.IElement Button(string text) =>
        Dialogs.FindAll("button").First(b => b.TextContent.Trim() == text);

    private string Problem(int row) => Dialogs.Find($"[data-problem-row='{row}']").TextContent;

    private string Stats => Dialogs.Find("[data-testid=import-stats]").TextContent.Trim();
}
