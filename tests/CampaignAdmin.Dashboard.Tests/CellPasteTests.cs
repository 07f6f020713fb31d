using Bunit;
using CampaignAdmin.Contracts.Validation;
using CampaignAdmin.Dashboard.Components.Campaigns.New;
using CampaignAdmin.Dashboard.Tests.Support;

namespace CampaignAdmin.Dashboard.Tests;

/// <summary>Tabular text pasted into a grid cell (recipients-grid.js hands it over) fills rows and columns from that cell.</summary>
public sealed class CellPasteTests : BuilderTestBase
{
    private static void PasteInto(BuilderDriver builder, int row, int column, string text)
    {
        var editor = builder.Page.FindComponent<GridPaste>();
        editor.InvokeAsync(() => editor.Instance.PasteText(row, column, text)).GetAwaiter().GetResult();
    }

    [Fact]
    public void ABlockPastedIntoAValueCellFillsRowsAndColumnsFromThereAddingRows()
    {
        var builder = OpenBuilder(TestTemplates.OrderConfirmationId);
        builder.Type(1, "Account ID", "+966539078942");

        PasteInto(builder, 0, 1, "John\tORD-1\r\nSara\tORD-2\r\nLayla\tORD-3\r\n");

        Assert.Equal(3, builder.RowCount);
        Assert.Equal("+966539078942", builder.Cell(1, "Account ID").GetAttribute("value"));
        Assert.Equal(["John", "Sara", "Layla"], Enumerable.Range(1, 3).Select(r => builder.Cell(r, "{{1}}").GetAttribute("value")));
        Assert.Equal(["ORD-1", "ORD-2", "ORD-3"], Enumerable.Range(1, 3).Select(r => builder.Cell(r, "{{2}}").GetAttribute("value")));
        Assert.Equal("", builder.Cell(3, "Account ID").GetAttribute("value"));
        Assert.Equal("Pasted 3 rows × 2 columns from row 1 (2 rows added).", builder.Page.Find("[data-testid=cell-paste-summary] span").TextContent);
    }

    [Fact]
    public void APasteIsCheckedLikeThePasteRowsBox()
    {
        var builder = OpenBuilder(TestTemplates.OrderConfirmationId);
        builder.SetName("Spring");

        PasteInto(builder, 0, 0, "Phone\tName\tOrder\n+966539078942\tJohn\tORD-1\n+96653907\tSara\tORD-2\n+966539078946\tLayla");

        Assert.Equal(3, builder.RowCount); // the header line is left out, as the box leaves it out
        Assert.Equal("+96653907 is too short to be a Saudi number.", builder.SentenceOn("Clients[1].AccountID"));
        Assert.Equal(ErrorTexts.ParamsForAllVariables, builder.ErrorOn("Clients[2].Params"));
        Assert.Equal("Row 3 is missing 1 value: the template has 2 variables.", builder.SentenceOn("Clients[2].Params"));
    }

    [Fact]
    public void UndoPastePutsTheRowsBackAsTheyWere()
    {
        var builder = OpenBuilder(TestTemplates.OrderConfirmationId);
        builder.SetName("Spring");
        builder.FillTwoRecipients();

        PasteInto(builder, 1, 0, "+966539078950\tOmar\tORD-9\n+966539078952\tNoura\tORD-10");
        Assert.Equal(3, builder.RowCount);
        Assert.Equal("Omar", builder.Cell(2, "{{1}}").GetAttribute("value"));

        builder.Page.Find("[data-testid=undo-paste]").ClickSettled();

        Assert.Equal(2, builder.RowCount);
        Assert.Equal("+966539078944", builder.Cell(2, "Account ID").GetAttribute("value"));
        Assert.Equal("Sara", builder.Cell(2, "{{1}}").GetAttribute("value"));
        Assert.Equal("ORD-2", builder.Cell(2, "{{2}}").GetAttribute("value"));
        Assert.Empty(builder.Page.FindAll("[data-testid=cell-paste-summary]"));
        Assert.True(builder.CanCreate);
    }

    [Theory]
    [InlineData(40L * 1024 * 1024, false,
        "Nothing was pasted: that is 40 MB, and at most 32 MB can be pasted at once. Paste fewer rows at a time, or use Import file.")]
    [InlineData(1000L, true, "Nothing was pasted: the text did not reach the server. Try again, or use Import file.")]
    public async Task APasteTooBigToReadOrLostOnTheWaySaysSoAndChangesNothing(long length, bool fails, string sentence)
    {
        var builder = OpenBuilder(TestTemplates.OrderConfirmationId);
        var editor = builder.Page.FindComponent<GridPaste>();

        await editor.InvokeAsync(() => editor.Instance.PasteCells(0, 0, new FakeStream(length, fails)));

        Assert.Equal(sentence, builder.Page.Find("[data-testid=rows-refused]").TextContent.Trim());
        Assert.Equal(1, builder.RowCount);
    }

    [Fact]
    public async Task APasteStreamedFromTheBrowserFillsTheRows()
    {
        var builder = OpenBuilder(TestTemplates.OrderConfirmationId);
        var editor = builder.Page.FindComponent<GridPaste>();

        await editor.InvokeAsync(() => editor.Instance.PasteCells(0, 0, new FakeStream("+966539078942\tJohn\tORD-1\n+966539078944\tSara\tORD-2")));

        Assert.Equal(2, builder.RowCount);
        Assert.Equal("Sara", builder.Cell(2, "{{1}}").GetAttribute("value"));
    }

    [Fact]
    public void APastePastTheRowLimitIsRefusedWithItsMessage()
    {
        var builder = OpenBuilder(TestTemplates.OrderConfirmationId);
        var rows = string.Join("\n", Enumerable.Range(0, RecipientRows.MaxRows + 1).Select(i => $"+9665{i:D8}\tName\tORD"));

        PasteInto(builder, 0, 0, rows);

        Assert.Equal("Nothing was pasted: 100,001 rows would make 100,001 recipients, and a campaign has at most 100,000. "
                     + "Paste at most 100,000 rows, or split the list into two campaigns.", builder.Page.Find("[data-testid=rows-refused]").TextContent.Trim());
        Assert.Equal(1, builder.RowCount);
        Assert.Equal("A campaign has at most 100,000 recipients.", builder.Page.Find("[data-testid=recipient-limit]").TextContent.Trim());
    }

    /// <summary>A stream reference as the browser's script hands one over: some text, or a length that fails to arrive.</summary>
    private sealed class FakeStream : Microsoft.JSInterop.IJSStreamReference
    {
        private readonly byte[] _bytes;
        private readonly bool _fails;

        public FakeStream(string text) => (_bytes, Length) = (System.Text.Encoding.UTF8.GetBytes(text), System.Text.Encoding.UTF8.GetByteCount(text));

        public FakeStream(long length, bool fails = false) => (_bytes, Length, _fails) = ([], length, fails);

        public long Length { get; }

        public ValueTask<Stream> OpenReadStreamAsync(long maxAllowedSize = 512000, CancellationToken cancellationToken = default) =>
            _fails ? throw new IOException("the connection went away") : ValueTask.FromResult<Stream>(new MemoryStream(_bytes));

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
