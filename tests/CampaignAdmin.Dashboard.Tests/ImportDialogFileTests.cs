using CampaignAdmin.Dashboard.Tests.Support;
using Microsoft.AspNetCore.Components.Forms;

namespace CampaignAdmin.Dashboard.Tests;

/// <summary>What the dialog makes of awkward files: line breaks inside cells, and files that are not spreadsheets at all.</summary>
public sealed partial class ImportDialogTests
{
    [Fact]
    public void ALineBreakInsideAQuotedCellShowsAsASpaceAndTheImportSaysWhy()
    {
        var builder = OpenBuilder(TestTemplates.OrderConfirmationId);
        Upload(builder, "Phone,Body {{1}},Body {{2}}\n0539078942,\"Layla\nHassan\",ORD-1\n+966539078944,Sara,ORD-2\n");

        Assert.Contains("Layla Hassan", Dialogs.Find("[data-testid=import-preview]").TextContent);
        Button("Check 2 rows").ClickSettled();
        Dialogs.WaitForAssertion(() => Assert.Equal(
            "1 value had a line break or a tab: it is sent with a space instead, because WhatsApp refuses line breaks and tabs in a template variable.",
            Dialogs.Find("[data-testid=import-one-line]").TextContent.Trim()));
        Dialogs.Find("[data-testid=import-accept]").ClickSettled();

        builder.Page.WaitForAssertion(() => Assert.Equal("Layla Hassan", builder.Cell(1, "{{1}}").GetAttribute("value")));
    }

    [Fact]
    public void APngRenamedCsvIsRefusedWithOneSentenceAndNothingElse()
    {
        var builder = OpenBuilder(TestTemplates.OrderConfirmationId);
        byte[] png = [0x89, .. "PNG"u8, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, .. "IHDR"u8, 0, 0, 0, 0x10, 0, 0, 0, 0x10, 8, 6, 0, 0, 0];

        UploadBytes(builder, png, "photo.csv");

        Dialogs.WaitForAssertion(() => Assert.Equal("This file isn't a spreadsheet: choose a CSV, TXT or XLSX file.",
            Dialogs.Find("[data-testid=import-error]").TextContent.Trim()));
        Assert.Empty(Selects());
        Assert.Empty(Dialogs.FindAll("[data-testid=import-preview]"));
    }

    private void UploadBytes(BuilderDriver builder, byte[] content, string fileName)
    {
        builder.Click("Import file");
        Dialogs.WaitForAssertion(() => Dialogs.FindComponent<InputFile>());
        Dialogs.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(content, fileName));
    }
}
