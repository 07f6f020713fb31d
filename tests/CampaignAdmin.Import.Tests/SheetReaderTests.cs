using System.Text;
using CampaignAdmin.Import.Reading;

namespace CampaignAdmin.Import.Tests;

public class SheetReaderTests
{
    private const string OldXls = "Old .xls workbooks cannot be read: save the sheet as .xlsx or .csv and upload that.";

    [Fact]
    public void Utf8WithBomAndCommasReadsHeadersAndRows()
    {
        var table = Samples.Read("utf8-bom-comma.csv");

        Assert.Equal(["Account ID", "Body {{1}}", "Body {{2}}"], table.Headers);
        Assert.Equal(("UTF-8 (BOM)", ","), (table.Encoding, table.Delimiter));
        Assert.Equal(["+966539078942", "John", "ORD-1"], table.Rows[0].Cells);
        Assert.Equal([2, 3], table.Rows.Select(r => r.Number));
    }

    [Fact]
    public void SemicolonsAreDetected()
    {
        var table = Samples.Read("semicolon.csv");

        Assert.Equal(";", table.Delimiter);
        Assert.Equal(["phone", "name", "order"], table.Headers);
        Assert.Equal("+966 53 907 8946", table.Rows[2].Cells[0]);
    }

    [Fact]
    public void TabsAreDetectedAndCommasInsideCellsKept()
    {
        var table = Samples.Read("tab-delimited.csv");

        Assert.Equal("tab", table.Delimiter);
        Assert.Equal("John, Jr.", table.Rows[0].Cells[1]);
    }

    [Fact]
    public void Windows1256ArabicExportsAreDecoded()
    {
        var table = Samples.Read("arabic-windows-1256.csv");

        Assert.Equal("Windows-1256", table.Encoding);
        Assert.Equal(["رقم الجوال", "الاسم", "رقم الطلب"], table.Headers);
        Assert.Equal("فاطمة", table.Rows[1].Cells[1]);
    }

    [Fact]
    public void ArabicUtf8WithoutBomStaysUtf8()
    {
        var table = Samples.Read("arabic-utf8.csv");

        Assert.Equal("UTF-8", table.Encoding);
        Assert.Equal("محمد", table.Rows[0].Cells[1]);
    }

    [Fact]
    public void QuotedFieldsKeepTheirNewlinesQuotesAndCommas()
    {
        var table = Samples.Read("quoted-newlines.csv");

        Assert.Equal(2, table.Rows.Count);
        Assert.Equal("Line one\r\nline two", table.Rows[0].Cells[1]);
        Assert.Equal("ORD \"quoted\", 1", table.Rows[0].Cells[2]);
        Assert.Equal(3, table.Rows[1].Number); // a spreadsheet shows a multi-line cell as one row
    }

    [Fact]
    public void EmptyCellsStayEmptyAndBlankLinesAreSkipped()
    {
        var table = Samples.Read("empty-cells.csv");

        Assert.Equal(4, table.Rows.Count);
        Assert.Equal("", table.Rows[0].Cells[1]);
        Assert.Equal("", table.Rows[1].Cells[2]);
        Assert.Equal("", table.Rows[2].Cells[0]);
        Assert.Equal(6, table.Rows[3].Number);
    }

    [Fact]
    public void FiveThousandRowsOfTenParamsAreReadWhole()
    {
        var table = Samples.Read("5000-rows-10-params.csv");

        Assert.Equal(11, table.Headers.Count);
        Assert.Equal(5000, table.Rows.Count);
        Assert.Equal("v4999_10", table.Rows[^1].Cells[10]);
    }

    [Fact]
    public void XlsxNumbersComeBackWithAllTheirDigits()
    {
        var table = Samples.Read("recipients.xlsx");

        Assert.Equal("XLSX", table.Format);
        Assert.Equal(["Account ID", "Body {{1}}", "Body {{2}}"], table.Headers);
        Assert.Equal(["966539078942", "+966539078944", "966539078946"], table.Rows.Select(r => r.Cells[0]));
        Assert.Equal("محمد", table.Rows[0].Cells[1]);
        Assert.Equal("", table.Table(1, 2));
    }

    [Fact]
    public void AnOldXlsWorkbookIsRefusedWithAClearSentenceWhateverItsName()
    {
        byte[] ole2 = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];

        Assert.Equal(OldXls, Assert.Throws<ImportException>(() => SheetReader.Read(new MemoryStream([1, 2, 3]), "people.xls")).Message);
        Assert.Equal(OldXls, Assert.Throws<ImportException>(() => SheetReader.Read(new MemoryStream(ole2), "people.csv")).Message);
    }

    [Theory]
    [InlineData("png")]
    [InlineData("pdf")]
    [InlineData("random")]
    [InlineData("zip")]
    public void AFileThatIsNotTextOrAWorkbookIsRefusedWhateverItsName(string kind)
    {
        var bytes = NotSpreadsheets.Of(kind);

        foreach (var name in new[] { "recipients.csv", "recipients.xlsx", "recipients.txt", $"recipients.{kind}" })
            Assert.Equal("This file isn't a spreadsheet: choose a CSV, TXT or XLSX file.",
                Assert.Throws<ImportException>(() => SheetReader.Read(new MemoryStream(bytes), name)).Message);
    }

    [Fact]
    public void ABrokenXlsxIsRefusedWithAClearSentence()
    {
        var cutShort = NotSpreadsheets.Of("zip")[..40]; // a zip's start, its directory lost

        var exception = Assert.Throws<ImportException>(() => SheetReader.Read(new MemoryStream(cutShort), "x.xlsx"));

        Assert.Equal("This file is not a readable .xlsx workbook.", exception.Message);
    }

    [Fact]
    public void TextIsReadAsCsvWhateverItsName()
    {
        var table = SheetReader.Read(new MemoryStream("Account ID,Body {{1}}\n+966539078942,John\n"u8.ToArray()), "recipients.xlsx");

        Assert.Equal(("CSV", "John"), (table.Format, table.Rows[0].Cells[1]));
    }

    [Fact]
    public void Utf16WithABomAsExcelSavesUnicodeTextIsRead()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("رقم الجوال\tالاسم\r\n0539078942\tمحمد\r\n")).ToArray();

        var table = SheetReader.Read(new MemoryStream(bytes), "unicode.txt");

        Assert.Equal(("UTF-16", "tab"), (table.Encoding, table.Delimiter));
        Assert.Equal(["0539078942", "محمد"], table.Rows[0].Cells);
    }

    [Fact]
    public void AStrayControlCharacterInARealSheetIsKept()
    {
        var table = SheetReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(Samples.Text("utf8-bom-comma.csv").Replace("John", "Jo\u0001hn"))), "a.csv");

        Assert.Equal("Jo\u0001hn", table.Rows[0].Cells[1]);
    }

    [Fact]
    public void AnEmptyFileIsRefused()
    {
        var exception = Assert.Throws<ImportException>(() => SheetReader.Read(new MemoryStream(), "empty.csv"));

        Assert.Equal("The file is empty.", exception.Message);
    }
}

internal static class TableExtensions
{
    public static string Table(this SheetTable table, int row, int column) => table.Cell(table.Rows[row], column);
}
