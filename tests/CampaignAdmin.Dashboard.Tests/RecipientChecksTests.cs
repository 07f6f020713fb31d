using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Validation;
using CampaignAdmin.Dashboard.Components.Campaigns.New;
using CampaignAdmin.Dashboard.Tests.Support;

namespace CampaignAdmin.Dashboard.Tests;

/// <summary>The per-row rules kept up to date row by row, with the index of numbers → rows, and the builder that uses them.</summary>
public sealed class RecipientChecksTests : BuilderTestBase
{
    private static CampaignClient Row(string number, params string[] values) => new() { AccountId = number, Params = [.. values] };

    private static (List<CampaignClient> Clients, RecipientChecks Checks) Checked(params CampaignClient[] rows)
    {
        var clients = rows.ToList();
        var checks = new RecipientChecks(clients);
        checks.Reset(AccountIds.DefaultRegion, columns: 2);
        return (clients, checks);
    }

    [Fact]
    public void AnAddedRowIsCheckedAndAnEditedOneAgain()
    {
        var (clients, checks) = Checked(Row("+966539078942", "John", "ORD-1"));
        var added = Row("+96653907", "Sara");
        clients.Add(added);
        checks.Changed([added]);

        Assert.Equal(ErrorTexts.InvalidAccountId("+96653907"), checks.NumberRule(added));
        Assert.True(checks.CountIsWrong(added));

        added.AccountId = "+966539078944";
        added.Params.Add("ORD-2");
        checks.Changed([added]);

        Assert.Null(checks.NumberRule(added));
        Assert.False(checks.CountIsWrong(added));
        Assert.Empty(checks.Summary());
    }

    [Fact]
    public void ADuplicateAppearsOnTheLaterRowAndGoesWhenEitherChanges()
    {
        var (clients, checks) = Checked(Row("+966539078942", "a", "b"), Row("+966539078944", "c", "d"), Row("0539078942", "e", "f"));

        Assert.Null(checks.NumberRule(clients[0]));
        Assert.Equal(ErrorTexts.DuplicateAccountId("0539078942"), checks.NumberRule(clients[2]));
        Assert.Equal(0, checks.FirstRowOf("+966539078942"));
        Assert.Equal([(BuilderProblemKind.Duplicate, 1, 2)], checks.Summary());

        // The first one changes: the later row is now the original.
        clients[0].AccountId = "+966539078946";
        checks.Changed([clients[0]]);
        Assert.Null(checks.NumberRule(clients[2]));
        Assert.Empty(checks.Summary());

        // It comes back: the earlier row is the original again, whichever changed last.
        clients[0].AccountId = "+966539078942";
        checks.Changed([clients[0]]);
        Assert.Null(checks.NumberRule(clients[0]));
        Assert.Equal(ErrorTexts.DuplicateAccountId("0539078942"), checks.NumberRule(clients[2]));
    }

    [Fact]
    public void ARemovedRowLeavesTheIndexAndTheRowsAfterItMoveUp()
    {
        var (clients, checks) = Checked(Row("+966539078942", "a", "b"), Row("+96653907", "c", "d"), Row("+966539078942", "e", "f"), Row("+966539078942", "g", "h"));
        Assert.Equal([(BuilderProblemKind.TooShort, 1, 1), (BuilderProblemKind.Duplicate, 2, 2)], checks.Summary().OrderBy(s => s.FirstRow));

        var first = clients[0];
        clients.RemoveAt(0);
        checks.Removed(first);

        Assert.Null(checks.NumberRule(clients[1]));
        Assert.Equal(ErrorTexts.DuplicateAccountId("+966539078942"), checks.NumberRule(clients[2]));
        Assert.Equal(1, checks.FirstRowOf("+966539078942"));
        Assert.Equal([(BuilderProblemKind.TooShort, 1, 0), (BuilderProblemKind.Duplicate, 1, 2)], checks.Summary().OrderBy(s => s.FirstRow));
    }

    [Fact]
    public void ANumberOnThreeRowsIsADuplicateTwiceUntilOnlyOneRowHasIt()
    {
        var (clients, checks) = Checked(Row("+966539078942", "a", "b"), Row("0539078942", "c", "d"), Row("+966 53 907 8942", "e", "f"));
        Assert.Equal([(BuilderProblemKind.Duplicate, 2, 1)], checks.Summary());
        Assert.Null(checks.NumberRule(clients[0]));
        Assert.Equal(ErrorTexts.DuplicateAccountId("0539078942"), checks.NumberRule(clients[1]));
        Assert.Equal(ErrorTexts.DuplicateAccountId("+966 53 907 8942"), checks.NumberRule(clients[2]));

        // The original goes: the next row with the number is the original now, the last one still repeats it.
        var first = clients[0];
        clients.RemoveAt(0);
        checks.Removed(first);
        Assert.Null(checks.NumberRule(clients[0]));
        Assert.Equal(ErrorTexts.DuplicateAccountId("+966 53 907 8942"), checks.NumberRule(clients[1]));
        Assert.Equal([(BuilderProblemKind.Duplicate, 1, 1)], checks.Summary());

        // The last one gets another number: one row has it, no duplicate is left, and that row is where it first appears.
        clients[1].AccountId = "+966539078944";
        checks.Changed([clients[1]]);
        Assert.Null(checks.NumberRule(clients[0]));
        Assert.Null(checks.NumberRule(clients[1]));
        Assert.Empty(checks.Summary());
        Assert.Equal(0, checks.FirstRowOf("+966539078942"));
        Assert.Equal(1, checks.FirstRowOf("+966539078944"));

        // And back: the duplicate is on the later row again.
        clients[1].AccountId = "0539078942";
        checks.Changed([clients[1]]);
        Assert.Equal(ErrorTexts.DuplicateAccountId("0539078942"), checks.NumberRule(clients[1]));
        Assert.Equal([(BuilderProblemKind.Duplicate, 1, 1)], checks.Summary());
    }

    [Fact]
    public void ANumberTypedInE164IsKeptAsTypedAndOthersAsTheirE164()
    {
        var (clients, checks) = Checked(Row("+966539078942", "a", "b"), Row("0539078944", "c", "d"));

        Assert.Same(clients[0].AccountId, checks.E164Of(clients[0]));
        Assert.Equal("+966539078944", checks.E164Of(clients[1]));
    }

    [Fact]
    public void ImportedRowsInE164AreTakenAsCheckedAndMeetTheRowsAlreadyThere()
    {
        var (clients, checks) = Checked(Row("0539078942", "a", "b"));
        // An import's accepted rows: the dialog parsed them, in E.164.
        var imported = new[] { Row("+966539078944", "c", "d"), Row("+966539078942", "e", "f") };
        clients.AddRange(imported);

        checks.Changed(imported, numbersAreE164: true);

        Assert.Equal("+966539078944", checks.E164Of(imported[0]));
        Assert.Null(checks.NumberRule(imported[0]));
        Assert.Equal(ErrorTexts.DuplicateAccountId("+966539078942"), checks.NumberRule(imported[1]));
        Assert.Equal(0, checks.FirstRowOf("+966539078942"));
        Assert.Equal([(BuilderProblemKind.Duplicate, 1, 2)], checks.Summary());

        // Edited afterwards, an imported row is parsed like any other.
        imported[1].AccountId = "+96653907";
        checks.Changed([imported[1]]);
        Assert.Equal(ErrorTexts.InvalidAccountId("+96653907"), checks.NumberRule(imported[1]));
        Assert.Equal([(BuilderProblemKind.TooShort, 1, 2)], checks.Summary());
    }

    [Fact]
    public void ATemplateChangeCountsEveryRowsValuesAgain()
    {
        var (clients, checks) = Checked(Row("+966539078942", "a", "b"), Row("+966539078944", "c"));
        Assert.Equal([(BuilderProblemKind.MissingValues, 1, 1)], checks.Summary());

        checks.SetColumns(1);

        Assert.Equal([(BuilderProblemKind.ExtraValues, 1, 0)], checks.Summary());
        checks.SetColumns(null);
        Assert.Empty(checks.Summary());
    }

    [Fact]
    public void TypingADuplicateNumberShowsItAndFixingItTakesItAway()
    {
        var builder = OpenBuilder(TestTemplates.OrderConfirmationId);
        builder.SetName("Spring");
        builder.FillTwoRecipients();
        Assert.True(builder.CanCreate);

        builder.Type(2, "Account ID", "0539078942");
        Assert.Equal("0539078942 is already on row 1: each number gets the message once.", builder.SentenceOn("Clients[1].AccountID"));
        Assert.Equal(["1 number is listed twice — go to row 2"], builder.Problems);

        builder.Type(1, "Account ID", "+966539078950");
        Assert.Null(builder.SentenceOn("Clients[1].AccountID"));
        Assert.True(builder.CanCreate);
    }

    [Fact]
    public void DeletingTheFirstOfTwoEqualNumbersClearsTheDuplicate()
    {
        var builder = OpenBuilder(TestTemplates.OrderConfirmationId);
        builder.SetName("Spring");
        builder.Paste("+966539078942\tJohn\tORD-1\n+966539078944\tSara\tORD-2\n+966539078942\tLayla\tORD-3");
        Assert.Equal(["1 number is listed twice — go to row 3"], builder.Problems);

        builder.Page.Find("button[aria-label='Delete row 1']").ClickSettled();

        Assert.Equal(2, builder.RowCount);
        Assert.True(builder.CanCreate);
    }

    [Fact]
    public async Task APasteIntoTheBoxPastTheLimitIsRefusedAndAddRowStopsAtIt()
    {
        var builder = OpenBuilder(TestTemplates.OrderConfirmationId);
        var rows = string.Join("\n", Enumerable.Range(0, RecipientRows.MaxRows + 1).Select(i => $"+9665{i:D8}\tName\tORD"));

        builder.Paste(rows);

        Assert.Equal("Nothing was pasted: 100,001 rows would make 100,001 recipients, and a campaign has at most 100,000. "
                     + "Paste at most 100,000 rows, or split the list into two campaigns.", builder.Page.Find("[data-testid=rows-refused]").TextContent.Trim());
        Assert.Equal("1 recipient", builder.Page.Find("[data-testid=recipient-count]").TextContent.Trim());

        var box = builder.Page.FindComponent<PasteRows>();
        await box.InvokeAsync(() => box.Instance.AddTextAsync(string.Join("\n", Enumerable.Range(0, RecipientRows.MaxRows).Select(i => $"+9665{i:D8}\tName\tORD"))));
        builder.Page.WaitForAssertion(() => Assert.Equal("100,000 recipients", builder.Page.Find("[data-testid=recipient-count]").TextContent.Trim()));
        Assert.True(builder.Page.FindAll("button").First(b => b.TextContent.Trim() == "Add row").HasAttribute("disabled"));
    }
}
